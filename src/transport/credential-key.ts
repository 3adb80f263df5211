/**
 * Names that hold a credential: members of a REST API's JSON that the REST kit passes through from an envelope
 * (registered as secrets) or shows from an answer (masked as '***'), e.g. HDP data-source options and MRS
 * source_info, and query parameters of a URL we show (api_key, subscription-key). Passwords under any
 * spelling (Password, passwd, PWD, passphrase), secrets, tokens, and key-like names (api_key, ApiKey,
 * secret_key, PrivateKey); IDs (rds_instance_id, access_key_id, KeyId) are not credentials. One pattern
 * everywhere, so a name masked in one place is masked in all.
 */
export const CREDENTIAL_KEY = /pass(word|wd|phrase)|pwd|secret|token|(^|[_-]|access|api|private)_?key$/i;
