/** The ReadEntitySet sample of the X4 documentation, unchanged. */
export const SEED_QUERY_OPTIONS = `<Request>
<QueryOptions entitySet="Products">
<Parameter name="format" value="application/xml"></Parameter>
<Parameter name="search" value="Ergo"></Parameter>
<Parameter name="top" value="10"></Parameter>
<Parameter name="skip" value="5"></Parameter>
<Parameter name="count"></Parameter>
<Parameter name="filter" value="ID le 10"></Parameter>
<Parameter name="count" value="true"></Parameter>
<Parameter name="expand">
<Items>Category</Items>
</Parameter>
<Parameter name="select">
<Items>ID</Items>
<Items>Description</Items>
</Parameter>
</QueryOptions>
</Request>`;

/** The CreateEntity sample of the X4 documentation, unchanged. */
export const SEED_PEOPLE_ENTITY = `<Request> <Entity qualifiedName="Microsoft.OData.SampleService.Models.TripPin.Person" entitySet="People"> <Property name="UserName" value="carlosreyestest" type="String" isId="true"/> <Property name="FirstName" value="Carlos" type="String"/> <Property name="LastName" value="Carlos" type="String"/> <Collection name="AddressInfo"> <Property type="Microsoft.OData.SampleService.Models.TripPin.Location"> <Property name="Address" value="Calle Falsa 123" type="String"/> <Property name="City" type="Microsoft.OData.SampleService.Models.TripPin.City"> <Property name="CountryRegion" value="Espana" type="String"/> <Property name="Name" value="Madrid" type="String"/> <Property name="Region" value="Madrid" type="String"/> </Property> </Property> </Collection> </Entity> </Request>`;

/** The ExecuteFunction sample of the X4 documentation, unchanged. */
export const SEED_FUNCTION = `<?xml version="1.0" encoding="UTF-8"?>
<Request>
<Function name="CountCategories">
<Parameter name="Amount" value="2"></Parameter>
</Function>
</Request>`;
