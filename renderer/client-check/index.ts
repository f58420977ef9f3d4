// The client check in the app. Mount `ClientCheckPanel` once per profile (profile tab or token
// bar); `JwtSignatureLine` goes where the token's JWT claims are shown.
export { ClientCheckPanel, type ClientCheckPanelProps } from './client-check-panel';
export { JwtSignatureLine } from './jwt-signature-line';
