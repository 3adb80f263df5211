import { ConnectorError, findNavigation, findProperty, type EdmModel, type EdmStructuredType } from '../../../src/sdk';
import { propertiesOf } from '../envelope/entity-payload';
import { decodeLenient } from './resource-path';

type NamedOption = '$select' | '$expand' | '$orderby';

/**
 * `$select`, `$expand` and `$orderby` names, so a typo fails before anything is sent. `$expand` paths are
 * navigations all the way; `$select` ends in a property, navigation or `*`; `$orderby` in a property.
 * `at`: where the query was given, if not in queryOptions (a batch part's uri).
 */
export function checkQueryNames(model: EdmModel, type: EdmStructuredType, query: string, at?: string): void {
  for (const option of query.split('&')) {
    const eq = option.indexOf('=');
    const name = eq < 0 ? option : option.slice(0, eq);
    if (name !== '$select' && name !== '$expand' && name !== '$orderby') continue;
    for (const item of decodeLenient(option.slice(eq + 1).replace(/\+/g, ' '))
      .split(',')
      .map(p => p.trim())
      .filter(p => p !== '')) {
      const path = name === '$orderby' ? item.replace(/\s+(asc|desc)$/i, '').trim() : item;
      checkPath(model, type, name, path, at);
    }
  }
}

function checkPath(model: EdmModel, root: EdmStructuredType, option: NamedOption, path: string, at?: string): void {
  const segments = path.split('/').map(s => s.trim());
  let type = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (option === '$select' && last && segment === '*') return;
    // an $orderby item ends in a property: a navigation there orders by nothing
    const navigation = option === '$orderby' && last ? undefined : findNavigation(model, type, segment);
    if (navigation !== undefined) {
      const target = model.entityTypes.get(navigation.target);
      if (target === undefined) return;
      type = target;
      continue;
    }
    const property = option === '$expand' ? undefined : findProperty(model, type, segment);
    if (option === '$select' && last && property !== undefined) return;
    if (option === '$orderby' && property !== undefined) {
      const complex = model.complexTypes.get(property.type);
      if (last && complex === undefined) return;
      if (!last && complex !== undefined) {
        type = complex;
        continue;
      }
    }
    const declared =
      option === '$expand'
        ? [...type.navigation.keys()]
        : option === '$orderby' && last
          ? propertiesOf(model, type).map(p => p.name)
          : [...propertiesOf(model, type).map(p => p.name), ...type.navigation.keys()];
    const what =
      option === '$expand' || !last
        ? 'navigation property'
        : option === '$orderby'
          ? 'property'
          : 'property or navigation property';
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `${at === undefined ? '' : `${at}: `}${option}=${path}: ${type.qualifiedName} has no ${what} "${segment}"; it declares: ${declared.join(', ') || '(none)'}`,
      { target: at ?? option }
    );
  }
}
