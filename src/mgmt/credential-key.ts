/**
 * Member names that hold a credential in a management API's JSON (HDP data-source options, MRS
 * source_info): passwords under any spelling (Password, passwd, PWD, passphrase), secrets, tokens,
 * and key-like names (api_key, ApiKey, secret_key, PrivateKey). IDs (rds_instance_id,
 * access_key_id, KeyId) are not credentials. One pattern for every connector, so a name that is
 * masked by one is masked by all.
 */
export const CREDENTIAL_KEY = /pass(word|wd|phrase)|pwd|secret|token|(^|[_-]|access|api|private)_?key$/i;
