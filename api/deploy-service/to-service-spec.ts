import type { ChannelSpec, ServiceSpec } from '../contract/service-spec';
import { formChannels, type ParsedServiceForm } from './form-schema';

/** Optional text fields of the spec; a blank one in the form (an empty input) is left out of the spec. */
const OPTIONAL_TEXT_FIELDS = ['description', 'logo', 'project', 'entrypoint', 'cmd'] as const;

/** The `ServiceSpec` body of a checked form: the three channel lists become `channels`, each with its kind. */
export function toServiceSpec(form: ParsedServiceForm): ServiceSpec {
  const spec: ServiceSpec = {
    name: form.name,
    environment: form.environment,
    account: form.account,
    registry: form.registry,
    imageName: form.imageName,
    minReplicas: form.minReplicas,
    maxReplicas: form.maxReplicas,
    roles: form.roles.map((role) => ({ ...role })),
    channels: toChannelSpecs(form),
    links: form.links.map((link) => ({ ...link })),
    resources: [...form.resources],
  };
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = form[field];
    if (value !== undefined && value.trim() !== '') spec[field] = value;
  }
  return spec;
}

/** Server channels first, then client, then duplex; a port only where the form has one. */
function toChannelSpecs(form: ParsedServiceForm): ChannelSpec[] {
  return formChannels(form).map(({ name, kind, protocol, port }) =>
    port === undefined ? { name, kind, protocol } : { name, kind, protocol, port },
  );
}
