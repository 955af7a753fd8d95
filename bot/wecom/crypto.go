package wecom

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/silenceper/wechat/v2/util"
)

// Crypto verifies and decrypts callbacks of one self-built app.
type Crypto struct {
	token  string
	aesKey string
	corpID string
}

// NewCrypto returns the callback crypto for an app. aesKey is the 43-
// character EncodingAESKey; corpID is the receiveid a self-built app's
// callbacks carry.
func NewCrypto(token, aesKey, corpID string) (*Crypto, error) {
	if token == "" || corpID == "" {
		return nil, errors.New("wecom: token and corp id are required")
	}
	if len(aesKey) != 43 {
		return nil, fmt.Errorf("wecom: EncodingAESKey must be 43 characters, got %d", len(aesKey))
	}
	if k, err := base64.StdEncoding.DecodeString(aesKey + "="); err != nil || len(k) != 32 {
		return nil, errors.New("wecom: EncodingAESKey is not valid base64 of 32 bytes")
	}
	return &Crypto{token: token, aesKey: aesKey, corpID: corpID}, nil
}

// Verify reports whether signature is the msg_signature of data (the
// decoded echostr, or the Encrypt element) at timestamp and nonce:
// sha1 over the sorted concatenation of token, timestamp, nonce and data.
func (c *Crypto) Verify(signature, timestamp, nonce, data string) bool {
	want := util.Signature(c.token, timestamp, nonce, data)
	return subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(signature))) == 1
}

// Errors of Decrypt.
var (
	// ErrWrongReceiver is a message encrypted for another corp (its
	// receiveid is not our CorpID).
	ErrWrongReceiver = errors.New("wecom: message is addressed to another CorpID")
	// ErrUndecryptable is garbage, truncated or otherwise broken ciphertext.
	ErrUndecryptable = errors.New("wecom: message cannot be decrypted")
)

// sdkWrongAppID is the error text util.DecryptMsg (v2.1.14) returns when
// the receiveid differs; the tests pin it.
const sdkWrongAppID = "消息解密校验APPID失败"

// Decrypt returns the plaintext of a base64 Encrypt value, checking that
// its receiveid is our CorpID.
func (c *Crypto) Decrypt(encrypted string) ([]byte, error) {
	_, plain, err := util.DecryptMsg(c.corpID, encrypted, c.aesKey)
	if err != nil {
		if err.Error() == sdkWrongAppID {
			return nil, ErrWrongReceiver
		}
		return nil, fmt.Errorf("%w: %v", ErrUndecryptable, err)
	}
	return plain, nil
}
