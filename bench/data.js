// Deterministic benchmark data: a Products entity set rendered as the wire formats the connectors read.
// Each entity depends only on its ID (a PRNG seeded by it), so any page can be made on its own, in any order,
// and every run of the bench sees the same bytes. The shape follows ../shared/design/PERF-BASELINE.md:
// Int32, ~56-char Name and ~64-char Description (about half with & < > ", two thirds non-ASCII, a third above
// U+00FF, so the strings are two-byte in V8), DateTimeOffset, Decimal and Int64 as strings, Double, Boolean,
// Guid and a complex Address. Pages hold PAGE_SIZE entities and link to the next one.
'use strict';

const PAGE_SIZE = 1000;
/** The canonical service address used inside entity bodies (V2 `__metadata.uri`, Atom ids), independent of N. */
const CANONICAL_ROOT = 'http://bench.local/sap/opu/odata/sap/BENCH_SRV/';
const V2_NAMESPACE = 'BENCH_SRV';
const V4_NAMESPACE = 'Bench';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Optimum',
  'Resolution',
  'Screen',
  'Monitor',
  'Notebook',
  'Printer',
  'Laser',
  'Keyboard',
  'Docking',
  'Station',
  'Wireless',
  'Cable',
  'Adapter',
  'Portable',
  'Ergonomic',
  'Premium',
  'Compact',
  'Office',
  'Series',
  'Pro'
];
const LATIN1 = ['Café', 'Müller', 'Straße', 'Größe', 'Señor', 'Crème', 'Düsseldorf', 'Ångström', 'naïve', 'Zürich'];
const WIDE = ['€', 'Ω', 'Œuvre', 'Łódź', '日本語', 'Ξ', '™'];
const MARKUP = ['R&D', '<b>', '"Pro"', 'A & B', '> 24"', '<i>new</i>'];
const CITIES = ['Madrid', 'Walldorf', 'München', 'São Paulo', 'Kraków', '東京', 'New York', 'Zürich', 'Paris', 'Oslo'];
const STREETS = ['Main Street', 'Hauptstraße', 'Rue de la Paix', 'Calle Mayor', 'Dietmar-Hopp-Allee', 'Ulica Długa'];

/** A string of about `length` characters: words plus, by chance, markup, Latin-1 and wide characters. */
function text(rng, length, prefix) {
  const parts = [prefix];
  if (rng() < 0.52) parts.push(MARKUP[Math.floor(rng() * MARKUP.length)]);
  const r = rng();
  if (r < 0.36) parts.push(WIDE[Math.floor(rng() * WIDE.length)]);
  if (r < 0.67) parts.push(LATIN1[Math.floor(rng() * LATIN1.length)]);
  let s = parts.join(' ');
  while (s.length < length) s += ` ${WORDS[Math.floor(rng() * WORDS.length)]}`;
  return s.slice(0, length).trimEnd();
}

function hex(rng, digits) {
  let s = '';
  for (let i = 0; i < digits; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

/**
 * Product `id` as plain values: `Price` and `Stock` are decimal strings (Decimal, Int64), `ReleaseDate` is epoch
 * milliseconds (rendered per format), `Description` is null for every 37th product.
 */
function product(id) {
  const rng = mulberry32(id * 2654435761 + 12345);
  const ms =
    Date.UTC(2000, 0, 1) +
    Math.floor(rng() * 25 * 365.25 * 86400) * 1000 +
    (rng() < 0.5 ? 0 : Math.floor(rng() * 1000));
  const hi = BigInt(Math.floor(rng() * 0x80000000));
  const lo = BigInt(Math.floor(rng() * 0x100000000));
  return {
    ID: id,
    Name: text(rng, 56, `Product ${id}`),
    Description: id % 37 === 0 ? null : text(rng, 64, `Item #${id}:`),
    ReleaseDate: ms,
    Price: `${Math.floor(rng() * 100000)}.${String(Math.floor(rng() * 100)).padStart(2, '0')}`,
    Rating: Math.round(rng() * 5e6) / 1e6,
    Discontinued: rng() < 0.3,
    UUID: `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`,
    Stock: ((hi << 32n) | lo).toString(),
    Address: {
      Street: `${STREETS[Math.floor(rng() * STREETS.length)]} ${id % 500}`,
      City: CITIES[Math.floor(rng() * CITIES.length)]
    }
  };
}

/** ISO 8601 with milliseconds only when there are some, as OData services write it. */
function isoDate(ms) {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

const json = JSON.stringify;

// ---- OData V4 JSON (odata.metadata=minimal, IEEE754Compatible=true: Decimal and Int64 as strings) ----

function v4Entity(p) {
  return (
    `{"ID":${p.ID},"Name":${json(p.Name)},"Description":${json(p.Description)},"ReleaseDate":"${isoDate(p.ReleaseDate)}",` +
    `"Price":"${p.Price}","Rating":${p.Rating},"Discontinued":${p.Discontinued},"UUID":"${p.UUID}","Stock":"${p.Stock}",` +
    `"Address":{"Street":${json(p.Address.Street)},"City":${json(p.Address.City)}}}`
  );
}

/** The entities of page `page` (IDs page*PAGE_SIZE … ), joined by commas: the part of a V4 page that is the same for every N. */
function v4PageBody(page, count = PAGE_SIZE) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(v4Entity(product(page * PAGE_SIZE + i)));
  return out.join(',');
}

const v4PageHead = () => '{"@odata.context":"$metadata#Products","value":[';
const v4PageTail = nextLink => (nextLink ? `],"@odata.nextLink":${json(nextLink)}}` : ']}');

function v4Single(id) {
  return `{"@odata.context":"$metadata#Products/$entity",${v4Entity(product(id)).slice(1)}`;
}

// ---- OData V2 JSON verbose (SAP style: __metadata with etag, /Date(ms+0000)/, Double as string) ----

const etagOf = p => `W/"datetime'${new Date(p.ReleaseDate).toISOString().slice(0, 19).replace(/:/g, '%3A')}'"`;

function v2Entity(p) {
  const uri = `${CANONICAL_ROOT}Products(${p.ID})`;
  return (
    `{"__metadata":{"id":${json(uri)},"uri":${json(uri)},"type":"${V2_NAMESPACE}.Product","etag":${json(etagOf(p))}},` +
    `"ID":${p.ID},"Name":${json(p.Name)},"Description":${json(p.Description)},"ReleaseDate":"\\/Date(${p.ReleaseDate}+0000)\\/",` +
    `"Price":"${p.Price}","Rating":"${p.Rating}","Discontinued":${p.Discontinued},"UUID":"${p.UUID}","Stock":"${p.Stock}",` +
    `"Address":{"__metadata":{"type":"${V2_NAMESPACE}.Address"},"Street":${json(p.Address.Street)},"City":${json(p.Address.City)}}}`
  );
}

function v2PageBody(page, count = PAGE_SIZE) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(v2Entity(product(page * PAGE_SIZE + i)));
  return out.join(',');
}

const v2PageHead = () => '{"d":{"results":[';
const v2PageTail = nextLink => (nextLink ? `],"__next":${json(nextLink)}}}` : ']}}');

// ---- OData V2 Atom, shaped like SAP Gateway's (m:etag, m:properties, m:type on every non-string property) ----

const escapeXml = s =>
  s.replace(/[&<>"]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
const A_NS = 'http://www.w3.org/2005/Atom';
const M_NS = 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata';
const D_NS = 'http://schemas.microsoft.com/ado/2007/08/dataservices';
const UPDATED = '2026-01-01T00:00:00Z';

function atomEntry(p) {
  const key = `Products(${p.ID})`;
  const dStr = (name, v) => (v === null ? `<d:${name} m:null="true"/>` : `<d:${name}>${escapeXml(v)}</d:${name}>`);
  return (
    `<entry m:etag="${escapeXml(etagOf(p))}"><id>${CANONICAL_ROOT}${key}</id><title type="text">${key}</title>` +
    `<updated>${UPDATED}</updated><category term="${V2_NAMESPACE}.Product" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/>` +
    `<link href="${key}" rel="edit" title="Product"/><content type="application/xml"><m:properties>` +
    `<d:ID m:type="Edm.Int32">${p.ID}</d:ID>${dStr('Name', p.Name)}${dStr('Description', p.Description)}` +
    `<d:ReleaseDate m:type="Edm.DateTimeOffset">${isoDate(p.ReleaseDate)}</d:ReleaseDate>` +
    `<d:Price m:type="Edm.Decimal">${p.Price}</d:Price><d:Rating m:type="Edm.Double">${p.Rating}</d:Rating>` +
    `<d:Discontinued m:type="Edm.Boolean">${p.Discontinued}</d:Discontinued><d:UUID m:type="Edm.Guid">${p.UUID}</d:UUID>` +
    `<d:Stock m:type="Edm.Int64">${p.Stock}</d:Stock><d:Address m:type="${V2_NAMESPACE}.Address">` +
    `${dStr('Street', p.Address.Street)}${dStr('City', p.Address.City)}</d:Address></m:properties></content></entry>`
  );
}

function atomPageBody(page, count = PAGE_SIZE) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(atomEntry(product(page * PAGE_SIZE + i)));
  return out.join('');
}

const atomPageHead = root =>
  `<?xml version="1.0" encoding="utf-8"?><feed xml:base="${escapeXml(root)}" xmlns="${A_NS}" xmlns:m="${M_NS}" xmlns:d="${D_NS}">` +
  `<id>${escapeXml(root)}Products</id><title type="text">Products</title><updated>${UPDATED}</updated>` +
  `<author><name/></author><link href="Products" rel="self" title="Products"/>`;
const atomPageTail = nextLink => `${nextLink ? `<link href="${escapeXml(nextLink)}" rel="next"/>` : ''}</feed>`;

// ---- $metadata ----

const V4_PROPERTIES =
  '<Property Name="ID" Type="Edm.Int32" Nullable="false"/><Property Name="Name" Type="Edm.String" MaxLength="100" Nullable="false"/>' +
  '<Property Name="Description" Type="Edm.String" MaxLength="500"/><Property Name="ReleaseDate" Type="Edm.DateTimeOffset"/>' +
  '<Property Name="Price" Type="Edm.Decimal" Precision="15" Scale="2"/><Property Name="Rating" Type="Edm.Double"/>' +
  '<Property Name="Discontinued" Type="Edm.Boolean"/><Property Name="UUID" Type="Edm.Guid"/><Property Name="Stock" Type="Edm.Int64"/>';

const v4Metadata = () =>
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">' +
  `<edmx:DataServices><Schema Namespace="${V4_NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
  `<EntityType Name="Product"><Key><PropertyRef Name="ID"/></Key>${V4_PROPERTIES}<Property Name="Address" Type="${V4_NAMESPACE}.Address"/></EntityType>` +
  '<ComplexType Name="Address"><Property Name="Street" Type="Edm.String" MaxLength="60"/><Property Name="City" Type="Edm.String" MaxLength="60"/></ComplexType>' +
  `<EntityContainer Name="Container"><EntitySet Name="Products" EntityType="${V4_NAMESPACE}.Product"/></EntityContainer>` +
  '</Schema></edmx:DataServices></edmx:Edmx>';

const v2Metadata = () =>
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" ' +
  `xmlns:m="${M_NS}" xmlns:sap="http://www.sap.com/Protocols/SAPData"><edmx:DataServices m:DataServiceVersion="2.0">` +
  `<Schema Namespace="${V2_NAMESPACE}" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">` +
  `<EntityType Name="Product"><Key><PropertyRef Name="ID"/></Key>${V4_PROPERTIES}` +
  `<Property Name="Address" Type="${V2_NAMESPACE}.Address" Nullable="false"/></EntityType>` +
  '<ComplexType Name="Address"><Property Name="Street" Type="Edm.String" MaxLength="60"/><Property Name="City" Type="Edm.String" MaxLength="60"/></ComplexType>' +
  `<EntityContainer Name="${V2_NAMESPACE}_Entities" m:IsDefaultEntityContainer="true"><EntitySet Name="Products" EntityType="${V2_NAMESPACE}.Product"/></EntityContainer>` +
  '</Schema></edmx:DataServices></edmx:Edmx>';

/** How many pages N entities take, and how many entities page `page` holds. */
const pageCount = n => Math.ceil(n / PAGE_SIZE);
const pageLength = (n, page) => Math.min(PAGE_SIZE, n - page * PAGE_SIZE);

module.exports = {
  PAGE_SIZE,
  CANONICAL_ROOT,
  product,
  isoDate,
  pageCount,
  pageLength,
  v4: { head: v4PageHead, body: v4PageBody, tail: v4PageTail, single: v4Single, metadata: v4Metadata },
  v2: { head: v2PageHead, body: v2PageBody, tail: v2PageTail, metadata: v2Metadata },
  atom: { head: atomPageHead, body: atomPageBody, tail: atomPageTail }
};
