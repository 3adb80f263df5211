import type { FieldShape, ObjectShape } from '../../../src/sdk';

// Value ranges as GetDataServiceApi documents them (response model, e.g. muzea/aliyun-sdk-node
// dist/dataworks_public/GetDataServiceApi/res.d.ts, generated from the API metadata): parameterDataType 0-11
// (String, Int, Long, Float, Double, Boolean, StringList, IntList, LongList, FloatList, DoubleList, BooleanList),
// parameterOperator 0-3 (Equal, Like, Const, In), parameterPosition 0-3 (Path, Query, Head, Body).
const dataType: FieldShape = { type: 'integer', min: 0, max: 11 };

/** A request parameter of a wizard, script or registration API. Keys are emitted in the documented (alphabetical) order. */
export const requestParameterShape: ObjectShape = {
  type: 'object',
  fields: {
    columnName: { type: 'string' },
    defaultValue: { type: 'string' },
    exampleValue: { type: 'string' },
    isRequiredParameter: { type: 'boolean' },
    parameterDataType: dataType,
    parameterDescription: { type: 'string' },
    parameterName: { type: 'string', required: true },
    parameterOperator: { type: 'integer', min: 0, max: 3 },
    parameterPosition: { type: 'integer', min: 0, max: 3 }
  }
};

/** A response parameter of a wizard or script API. */
export const responseParameterShape: ObjectShape = {
  type: 'object',
  fields: {
    columnName: { type: 'string' },
    exampleValue: { type: 'string' },
    parameterDataType: dataType,
    parameterDescription: { type: 'string' },
    parameterName: { type: 'string', required: true }
  }
};

/** The data source connection and table a wizard or script API reads. */
export const connectionShape: ObjectShape = {
  type: 'object',
  required: true,
  fields: { connectionId: { type: 'integer', required: true, min: 1 }, tableName: { type: 'string' } }
};
