package wecom

// EnvelopeEncrypt exposes envelopeEncrypt to the tests.
var EnvelopeEncrypt = envelopeEncrypt
