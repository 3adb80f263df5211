import { ConnectorError } from '../errors/connector-error';
import type { EdmProperty } from './metadata';

/**
 * Checks a lexically valid value against its property's facets, so a value the service would refuse (Gateway:
 * 400 "value too long"; CAP: a SQL error) fails before anything is sent. MaxLength counts code points (String)
 * or bytes (Binary); Decimal Scale counts digits after the point without trailing zeros. Date-time precision is
 * not checked: services cut extra fraction digits (CAP does).
 */
export function validateEdmFacets(
  property: Pick<EdmProperty, 'name' | 'type' | 'maxLength' | 'precision' | 'scale'>,
  text: string,
  target: string
): void {
  const fail = (why: string): never => {
    throw new ConnectorError('VALUE_INVALID', `${target}: the value of ${property.name} (${property.type}) ${why}`, {
      target
    });
  };
  const maxLength = limit(property.maxLength);
  if (property.type === 'Edm.String' && maxLength !== undefined) {
    const length = [...text].length;
    if (length > maxLength) fail(`is ${length} characters long; MaxLength is ${maxLength}`);
  }
  if (property.type === 'Edm.Binary' && maxLength !== undefined) {
    const bytes = Buffer.from(text.trim(), 'base64').length;
    if (bytes > maxLength) fail(`is ${bytes} bytes long; MaxLength is ${maxLength}`);
  }
  if (property.type === 'Edm.Decimal') {
    const digits = /^[+-]?0*(\d*)(?:\.(\d*?)0*)?$/.exec(text.trim());
    if (digits === null) return;
    const [whole, fraction] = [digits[1] ?? '', digits[2] ?? ''];
    const precision = limit(property.precision);
    // CSDL defaults an absent Scale to 0, but services that leave it out often take fractions: only a declared Scale binds.
    const scale = limit(property.scale);
    if (scale !== undefined && fraction.length > scale)
      fail(`has ${fraction.length} digits after the decimal point; Scale is ${scale}`);
    if (precision !== undefined && scale !== undefined && whole.length > precision - scale) {
      fail(
        `has ${whole.length} digits before the decimal point; Precision ${precision} with Scale ${scale} allows ${precision - scale}`
      );
    }
    if (precision !== undefined && whole.length + fraction.length > precision)
      fail(`has ${whole.length + fraction.length} digits; Precision is ${precision}`);
  }
}

/** A numeric facet value, or undefined for `max`, `variable`, `floating` or absent. */
function limit(facet: string | undefined): number | undefined {
  return facet !== undefined && /^\d+$/.test(facet) ? Number(facet) : undefined;
}
