import { ConnectorError, findNavigation, findProperty, type EdmModel, type EdmStructuredType } from '../../../src/sdk';
import { propertiesOf } from '../model/service-model';

/**
 * Checks the names in `$select` and `$expand` of encoded query options against `$metadata`, so a typo
 * fails before anything is sent. `$expand` paths (`Products/Supplier`) must be navigation properties all
 * the way; a `$select` path may go through navigations and end in a property, a navigation or `*`.
 * Throws MODEL_MISMATCH naming the option, the path and what the type declares.
 */
export function checkSelectExpand(model: EdmModel, type: EdmStructuredType, query: string): void {
  for (const option of query.split('&')) {
    const eq = option.indexOf('=');
    const name = eq < 0 ? option : option.slice(0, eq);
    if (name !== '$select' && name !== '$expand') continue;
    for (const path of decode(option.slice(eq + 1)).split(',').map(p => p.trim()).filter(p => p !== '')) {
      checkPath(model, type, name, path);
    }
  }
}

function checkPath(model: EdmModel, root: EdmStructuredType, option: '$select' | '$expand', path: string): void {
  const segments = path.split('/').map(s => s.trim());
  let type = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (option === '$select' && last && segment === '*') return;
    const navigation = findNavigation(model, type, segment);
    if (navigation !== undefined) {
      const target = model.entityTypes.get(navigation.target);
      if (target === undefined) return;
      type = target;
      continue;
    }
    if (option === '$select' && last && findProperty(model, type, segment) !== undefined) return;
    const declared = option === '$expand' ? [...type.navigation.keys()] : [...propertiesOf(model, type).map(p => p.name), ...type.navigation.keys()];
    const what = option === '$expand' || !last ? 'navigation property' : 'property or navigation property';
    throw new ConnectorError(
      'MODEL_MISMATCH',
      `${option}=${path}: ${type.qualifiedName} has no ${what} "${segment}"; it declares: ${declared.join(', ') || '(none)'}`,
      { target: option }
    );
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
