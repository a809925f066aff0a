// 扫码核验 (the citizen hub's verifier): a chunk of its own, with the QR decoder and CBOR.
export { VerifyPage } from '../../features/citizen-hub/components/verify-page';
