// Package wecom is casebot's WeCom (企业微信) transport: the callback
// endpoint that verifies, decrypts and deduplicates what WeCom posts and
// appends it to a durable inbox (a Redis Stream); the workers that take
// messages from the inbox to the Bot and acknowledge them once handled; and
// the Sender through which every push leaves, split, rate-limited, retried
// and recorded.
//
// Cryptography comes from github.com/silenceper/wechat/v2's util package
// (Signature, DecryptMsg); nothing here implements AES. The HTTP calls to
// WeCom are our own small client rather than the SDK's, because the SDK's
// URL rewriting and HTTP client are package globals (one API root per
// process, racy in tests), its calls take no context, it reports HTTP
// errors as opaque strings (so 5xx cannot be told from 4xx), sends agentid
// as a string, and has no update_template_card; see Client.
package wecom
