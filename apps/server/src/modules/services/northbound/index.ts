// 港车北上 as other services see it (the northbound-tags service): only what is exported here.
export { nextTagNumber, type ReplaceableVehicle, reissueTag, replaceableOf, type TagKind } from './tags.ts';
