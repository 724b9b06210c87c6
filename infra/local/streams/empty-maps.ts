import type { AttributeValue } from '@aws-sdk/client-dynamodb-streams';

type Image = Record<string, AttributeValue>;

const hasType = (value: AttributeValue) => Object.values(value).some((member) => member !== undefined);

const typed = (value: AttributeValue): AttributeValue => {
  if (!hasType(value)) return { M: {} };
  if (value.M) return { M: typedImage(value.M) };
  if (value.L) return { L: value.L.map(typed) };
  return value;
};

/**
 * An image with its empty maps as DynamoDB streams them on AWS, `{"M": {}}`. DynamoDB Local's
 * GetRecords leaves the type out, `{}` (already in the HTTP answer; GetItem of the same item is
 * right), and unmarshalling that throws `No value defined: {}` in the consumer. A typeless value
 * can only be an empty map: DynamoDB has no empty sets, and empty lists and strings keep their
 * type. See awslabs/amazon-dynamodb-local-samples#37.
 */
export const typedImage = (image: Image): Image =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, typed(value)]));
