package wecomtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/silenceper/wechat/v2/util"
)

// Client posts callbacks to an app the way WeCom does: the message XML is
// encrypted with the app's EncodingAESKey (receiveid = CorpID), signed
// with its Token (msg_signature over token, timestamp, nonce and Encrypt),
// wrapped in the envelope and posted with the signature in the query.
type Client struct {
	// URL is the app's callback URL, e.g. http://127.0.0.1:8080/wecom/callback.
	URL     string
	Token   string
	AESKey  string
	CorpID  string
	AgentID int
	// HTTP defaults to a client with WeCom's five-second deadline.
	HTTP *http.Client
	// Now stamps CreateTime and the timestamp. If nil, time.Now.
	Now func() time.Time
	// Retries is how many times a callback not answered 200 in time is
	// posted again (WeCom: three). Zero posts once.
	Retries int
	// RetryWait is the pause before each retry (WeCom waits for its
	// five-second deadline; a test waits less).
	RetryWait time.Duration
}

var defaultHTTP = &http.Client{Timeout: 5 * time.Second}

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return defaultHTTP
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

type cdata struct {
	Text string `xml:",cdata"`
}

// inner is the plaintext message XML, in WeCom's element order.
type inner struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   cdata    `xml:"ToUserName"`
	FromUserName cdata    `xml:"FromUserName"`
	CreateTime   int64    `xml:"CreateTime"`
	MsgType      cdata    `xml:"MsgType"`
	Content      *cdata   `xml:"Content,omitempty"`
	MsgID        string   `xml:"MsgId,omitempty"`
	Event        *cdata   `xml:"Event,omitempty"`
	EventKey     *cdata   `xml:"EventKey,omitempty"`
	TaskID       *cdata   `xml:"TaskId,omitempty"`
	CardType     *cdata   `xml:"CardType,omitempty"`
	ResponseCode *cdata   `xml:"ResponseCode,omitempty"`
	AgentID      int      `xml:"AgentID"`
}

func (c *Client) marshal(in inner) []byte {
	in.ToUserName = cdata{c.CorpID}
	in.AgentID = c.AgentID
	if in.CreateTime == 0 {
		in.CreateTime = c.now().Unix()
	}
	b, err := xml.Marshal(in)
	if err != nil {
		panic(err) // only fixed types: cannot fail
	}
	return b
}

// NewMsgID returns a random 64-bit MsgId, as WeCom's are.
func NewMsgID() string {
	var b [8]byte
	rand.Read(b[:])
	return strconv.FormatUint(binary.BigEndian.Uint64(b[:])>>1, 10)
}

// Text returns the XML of a text message from user, with a fresh MsgId.
func (c *Client) Text(from, content string) []byte {
	return c.TextWithID(from, content, NewMsgID())
}

// TextWithID returns the XML of a text message with the given MsgId.
func (c *Client) TextWithID(from, content, msgID string) []byte {
	return c.marshal(inner{FromUserName: cdata{from}, MsgType: cdata{"text"}, Content: &cdata{content}, MsgID: msgID})
}

// Event returns the XML of an event (enter_agent, click...) from user.
func (c *Client) Event(from, event, key string) []byte {
	return c.marshal(inner{FromUserName: cdata{from}, MsgType: cdata{"event"}, Event: &cdata{event}, EventKey: &cdata{key}})
}

// CardEvent returns the XML of the template_card_event of a click.
func (c *Client) CardEvent(ev ClickEvent) []byte {
	return c.marshal(inner{FromUserName: cdata{ev.From}, MsgType: cdata{"event"}, Event: &cdata{"template_card_event"},
		EventKey: &cdata{ev.Key}, TaskID: &cdata{ev.TaskID}, CardType: &cdata{ev.CardType}, ResponseCode: &cdata{ev.ResponseCode}})
}

// Encrypt returns the Encrypt value of plaintext message XML.
func (c *Client) Encrypt(plain []byte) (string, error) {
	random := make([]byte, 16)
	rand.Read(random)
	enc, err := util.EncryptMsg(random, plain, c.CorpID, c.AESKey)
	return string(enc), err
}

// Request is a signed callback ready to post (tests tamper with it).
type Request struct {
	Signature, Timestamp, Nonce string
	Body                        []byte
}

// Sign returns the envelope body and query of an encrypted message.
func (c *Client) Sign(encrypt string) Request {
	ts := strconv.FormatInt(c.now().Unix(), 10)
	nonce := strconv.FormatUint(uint64(c.now().UnixNano())%1e10, 10)
	var b bytes.Buffer
	fmt.Fprintf(&b, "<xml><ToUserName><![CDATA[%s]]></ToUserName><AgentID><![CDATA[%d]]></AgentID><Encrypt><![CDATA[%s]]></Encrypt></xml>",
		c.CorpID, c.AgentID, encrypt)
	return Request{Signature: util.Signature(c.Token, ts, nonce, encrypt), Timestamp: ts, Nonce: nonce, Body: b.Bytes()}
}

// Build encrypts and signs plaintext message XML.
func (c *Client) Build(plain []byte) (Request, error) {
	enc, err := c.Encrypt(plain)
	if err != nil {
		return Request{}, err
	}
	return c.Sign(enc), nil
}

// Post sends a prepared request once and returns the HTTP status.
func (c *Client) Post(ctx context.Context, r Request) (int, error) {
	return c.PostTo(ctx, c.URL, r)
}

// PostTo sends a prepared request once to the callback URL to (one
// replica behind a load balancer, say) and returns the HTTP status.
func (c *Client) PostTo(ctx context.Context, to string, r Request) (int, error) {
	q := url.Values{"msg_signature": {r.Signature}, "timestamp": {r.Timestamp}, "nonce": {r.Nonce}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, to+"?"+q.Encode(), bytes.NewReader(r.Body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "text/xml")
	resp, err := c.http().Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Deliver encrypts, signs and posts a message as WeCom does, posting it
// again (same content, fresh signature) up to Retries times while the app
// does not answer 200. It returns the last status.
func (c *Client) Deliver(ctx context.Context, plain []byte) (int, error) {
	var status int
	var err error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if attempt > 0 && c.RetryWait > 0 {
			select {
			case <-time.After(c.RetryWait):
			case <-ctx.Done():
				return status, ctx.Err()
			}
		}
		var r Request
		if r, err = c.Build(plain); err != nil {
			return 0, err
		}
		status, err = c.Post(ctx, r)
		if err == nil && status == http.StatusOK {
			return status, nil
		}
		if ctx.Err() != nil {
			break
		}
	}
	return status, err
}

// VerifyURL performs WeCom's URL verification and returns the app's answer.
func (c *Client) VerifyURL(ctx context.Context, echo string) (int, string, error) {
	enc, err := c.Encrypt([]byte(echo))
	if err != nil {
		return 0, "", err
	}
	ts := strconv.FormatInt(c.now().Unix(), 10)
	nonce := "1372623149"
	q := url.Values{"msg_signature": {util.Signature(c.Token, ts, nonce, enc)}, "timestamp": {ts}, "nonce": {nonce}, "echostr": {enc}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.URL+"?"+q.Encode(), nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}
