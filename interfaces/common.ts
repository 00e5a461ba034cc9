import * as z from 'zod';

/** Opaque entity id: never trimmed or normalised, 1..128 chars. */
export const IdSchema = z.string().min(1).max(128);

/** Human-readable name: trimmed, 1..100 chars. */
export const NameSchema = z.string().trim().min(1).max(100);

/** Free-text description, may be empty, at most 2000 chars. */
export const DescriptionSchema = z.string().max(2000);

/** Short free-text value (region, language, role, version, ...), may be empty, at most 256 chars. */
export const ShortTextSchema = z.string().max(256);

/** Long free-text value (postal address, command line, ...), may be empty, at most 4096 chars. */
export const LongTextSchema = z.string().max(4096);

/** ISO 8601 date-time; a `Z` or a numeric UTC offset is accepted. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** ISO calendar date (`YYYY-MM-DD`) or a full ISO date-time. */
export const DateSchema = z.union([z.iso.date(), TimestampSchema]);

/** URL or URL-like reference (registry, auth endpoint, file link), may be empty, at most 2048 chars. */
export const UrlSchema = z.string().max(2048);

/** Logo reference (URL or data/icon name), may be empty, at most 2048 chars. */
export const LogoSchema = UrlSchema;

/** E-mail address, at most 254 chars (RFC 5321). */
export const EmailSchema = z.email().max(254);

/** DNS domain name, 1..253 chars. */
export const DomainSchema = z.string().trim().min(1).max(253);

/** Free-form label attached to an entity: trimmed, 1..128 chars. */
export const LabelSchema = z.string().trim().min(1).max(128);

/** Version string (semver or free form), may be empty, at most 64 chars. */
export const VersionSchema = z.string().max(64);

/** Secret value as sent by a client in an input (never present in a response), 1..4096 chars. */
export const SecretSchema = z.string().min(1).max(4096);

/** TCP/UDP port number, integer 1..65535. */
export const PortSchema = z.number().int().min(1).max(65_535);

/** Replica count, integer 0..1000. */
export const ReplicasSchema = z.number().int().min(0).max(1000);

/** CPU amount in vCPU, 0..10 000 (fractions allowed). */
export const CpuSchema = z.number().min(0).max(10_000);

/** Memory amount in MB, 0..10 000 000. */
export const MemorySchema = z.number().min(0).max(10_000_000);

/** Storage amount in MB, 0..1 000 000 000. */
export const StorageSchema = z.number().min(0).max(1_000_000_000);

/** Monetary amount (currency decided by the backend), 0..1 000 000 000. */
export const CostSchema = z.number().min(0).max(1_000_000_000);

/** Non-negative integer counter (users, restarts, items), 0..10 000 000. */
export const CountSchema = z.number().int().min(0).max(10_000_000);

/** List of entity ids, at most 10 000. */
export const IdListSchema = z.array(IdSchema).max(10_000);

/** List of domain names, at most 1000. */
export const DomainListSchema = z.array(DomainSchema).max(1000);

/** One log line, at most 10 000 chars. */
export const LogLineSchema = z.string().max(10_000);

/** Log lines, at most 10 000. */
export const LogsSchema = z.array(LogLineSchema).max(10_000);

/** Optional audit timestamps shared by every entity that has an id; spread its `.shape` into the entity. */
export const EntityTimestampsSchema = z.object({
  createdAt: TimestampSchema.optional(),
  updatedAt: TimestampSchema.optional(),
});

/** Audit timestamps of an entity. */
export interface EntityTimestamps extends z.output<typeof EntityTimestampsSchema> {}
