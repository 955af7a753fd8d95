// Package wecomtest is a fake WeCom for tests, the demo and the load tool:
// a Server speaking the server API casebot uses (gettoken, message/send,
// appchat/send, message/update_template_card, media/upload,
// auth/getuserinfo, the 日程 API oa/schedule/add, update and del) under any
// API root, and the 网页授权 authorize page (oauth.go), recording every
// message and injecting faults on request; and a Client that encrypts and
// signs callbacks exactly as WeCom does and posts
// them.
//
// The fake keeps WeCom's sharp edges so tests meet them: errcode on HTTP
// 200, 40014/42001 for bad or expired tokens, text truncated beyond 2048
// bytes, messages beyond 30 a minute or 1000 an hour to one member
// silently dropped, task_id reuse refused, response codes good once, and
// enable_duplicate_check (the same request within its interval is
// accepted, not delivered again). Faults make it fail (HTTP 500, errcode
// -1) for a number of requests or for a while, answer late (with or
// without delivering), or drop requests.
package wecomtest

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"casebot/bot"
	"casebot/bot/clock"
)

// Server is a fake WeCom server API. Mount it at the root of an API base
// (httptest.NewServer(s)), or under a path with http.StripPrefix.
type Server struct {
	CorpID  string
	Secret  string
	AgentID int
	// Now is the fake's clock (token expiry, rate windows, response-code
	// lifetime). If nil, time.Now.
	Now func() time.Time
	// PerMinute and PerHour are the per-member limits beyond which messages
	// are silently dropped, as WeCom does. If zero, 30 and 1000.
	PerMinute, PerHour int
	// Users, when set, is the app's visible range: other recipients come
	// back in invaliduser (all invalid: errcode 81013).
	Users map[string]bool

	mu       sync.Mutex
	tokens   map[string]time.Time // token → expiry
	current  string               // the token gettoken hands out while valid
	msgs     []Message
	faults   []Fault
	codes    map[string]*responseCode
	tasks    map[string]int // task_id → index of the message that sent it
	media    map[string][]byte
	names    map[string]string      // media id → the filename it was uploaded as
	oauth    oauthState             // oauth.go
	received map[string][]time.Time // per user: delivery times (rate windows)
	requests map[string]int         // per API: requests served
	changed  chan struct{}          // closed and replaced on every change
	// checked holds, per digest of a request sent with
	// enable_duplicate_check, when it was delivered and its msgid.
	checked    map[string]checkedSend
	duplicates int
	schedules  []*Schedule
}

type checkedSend struct {
	at    time.Time
	msgID string
}

// Message is one message WeCom accepted (or a card update), as recorded.
type Message struct {
	Seq int       `json:"seq"`
	At  time.Time `json:"at"`
	// API is message/send, appchat/send or message/update_template_card.
	API      string            `json:"api"`
	ToUsers  []string          `json:"to_users,omitempty"`
	ChatID   string            `json:"chat_id,omitempty"`
	MsgType  string            `json:"msgtype"`
	Content  string            `json:"content,omitempty"` // text or markdown, as delivered
	TextCard *bot.TextCard     `json:"textcard,omitempty"`
	Card     *bot.TemplateCard `json:"template_card,omitempty"`
	MediaID  string            `json:"media_id,omitempty"`
	// FileName is the name a file message's media was uploaded as.
	FileName string `json:"file_name,omitempty"`
	MsgID    string `json:"msgid,omitempty"`
	// ResponseCode is the code issued with a button card.
	ResponseCode string `json:"response_code,omitempty"`
	// Truncated is set when content exceeded 2048 bytes and WeCom cut it.
	Truncated bool `json:"truncated,omitempty"`
	// Dropped lists recipients it was silently not delivered to because
	// they had reached the per-member limit.
	Dropped []string `json:"dropped,omitempty"`
	// Invalid lists recipients outside the app's visible range.
	Invalid []string `json:"invalid,omitempty"`
	// AgentIDType is the JSON type agentid came in: "number" or "string".
	AgentIDType string `json:"agentid_type,omitempty"`
	// Raw is the request body.
	Raw json.RawMessage `json:"-"`
}

type responseCode struct {
	users  []string
	task   string
	issued time.Time
	used   bool
}

// Fault makes the next matching requests fail, answer late or vanish.
type Fault struct {
	// API limits the fault to one API ("message/send", "gettoken"...);
	// empty matches any.
	API string
	// Status answers this HTTP status (e.g. 500) instead of serving.
	Status int
	// ErrCode answers HTTP 200 with this errcode (e.g. -1, 42001). 40014
	// and 42001 also invalidate the token the request carried.
	ErrCode int
	// Delay answers this much later (then serves normally, unless Status
	// or ErrCode is set too). A caller that gives up meanwhile gets
	// nothing and nothing is served.
	Delay time.Duration
	// Slow serves the request at once — WeCom accepts and delivers the
	// message — but answers only after Delay: what a caller whose timeout
	// is shorter sees as a timeout, although the message went out.
	Slow bool
	// Drop closes the connection without serving or answering: the
	// request is lost on the way.
	Drop bool
	// Times is how many requests it applies to; 0 means 1.
	Times int
	// For, when set, applies the fault to every matching request for this
	// long after it is injected ("WeCom answers 500 for a while"); Times
	// is then ignored.
	For time.Duration
	// After lets this many matching requests through before the fault
	// starts (to fail the second part of a message, say).
	After int
	// FromFirst starts For at the first request the fault meets instead of
	// at injection, so a starved machine whose first send comes late still
	// meets the whole fault.
	FromFirst bool

	until time.Time // For, from injection (or the first request met)
}

// New returns a fake for the app (corpID, secret, agentID).
func New(corpID, secret string, agentID int) *Server {
	return &Server{CorpID: corpID, Secret: secret, AgentID: agentID}
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) init() {
	if s.tokens == nil {
		s.tokens = map[string]time.Time{}
		s.codes = map[string]*responseCode{}
		s.tasks = map[string]int{}
		s.media = map[string][]byte{}
		s.names = map[string]string{}
		s.oauth.codes = map[string]*oauthCode{}
		s.received = map[string][]time.Time{}
		s.requests = map[string]int{}
		s.checked = map[string]checkedSend{}
		s.changed = make(chan struct{})
	}
}

// Inject queues faults; each applies to the next requests it matches.
func (s *Server) Inject(fs ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range fs {
		if f.Times <= 0 {
			f.Times = 1
		}
		if f.For > 0 && !f.FromFirst {
			f.until = time.Now().Add(f.For)
		}
		s.faults = append(s.faults, f)
	}
}

// ClearFaults drops every fault not yet used up.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// Duplicates returns how many requests WeCom's duplicate check kept from
// being delivered again (enable_duplicate_check, the same request within
// its interval).
func (s *Server) Duplicates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.duplicates
}

// ExpireTokens makes every token issued so far expired (42001 from now on).
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	for t := range s.tokens {
		s.tokens[t] = time.Time{}
	}
	s.current = ""
}

// Requests returns how many requests an API has served (faults included).
func (s *Server) Requests(api string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[api]
}

// Messages returns a copy of everything recorded, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Delivered returns what reached user (directly, or via @all), in order,
// leaving out what was dropped; seq > after only.
func (s *Server) Delivered(user string, after int) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.msgs {
		if m.Seq > after && delivered(m, user) {
			out = append(out, m)
		}
	}
	return out
}

func delivered(m Message, user string) bool {
	for _, d := range m.Dropped {
		if d == user {
			return false
		}
	}
	for _, u := range m.ToUsers {
		if u == user || u == "@all" {
			return true
		}
	}
	return false
}

// Changed returns a channel closed at the next recorded message, for
// waiting without polling.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	return s.changed
}

// Media returns an uploaded file.
func (s *Server) Media(id string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.media[id]
	return b, ok
}

// MediaName returns the filename a media was uploaded as.
func (s *Server) MediaName(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.names[id]
}

func (s *Server) record(m Message) Message {
	m.Seq = len(s.msgs) + 1
	s.msgs = append(s.msgs, m)
	close(s.changed)
	s.changed = make(chan struct{})
	return m
}

// ServeHTTP serves /cgi-bin/<api>, and the authorize page of 网页授权.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == AuthorizePath {
		s.authorize(w, r) // oauth.go
		return
	}
	api, ok := strings.CutPrefix(r.URL.Path, "/cgi-bin/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	s.init()
	s.requests[api]++
	f, hasFault := s.takeFault(api)
	s.mu.Unlock()
	if hasFault && f.Drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection without an answer
	}
	if hasFault && f.Slow {
		// Served now (the message goes out), answered late.
		rec := &recorder{header: http.Header{}}
		s.serve(rec, r, api)
		if !waitOrGone(r, f.Delay) {
			return
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.status())
		w.Write(rec.body.Bytes())
		return
	}
	if hasFault && f.Delay > 0 {
		// Read the body first: only then does net/http watch the connection
		// and cancel r.Context() when the client goes away (a caller that
		// timed out, or a process killed mid-request).
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if !waitOrGone(r, f.Delay) {
			return
		}
	}
	if hasFault && f.Status != 0 {
		http.Error(w, http.StatusText(f.Status), f.Status)
		return
	}
	if hasFault && f.ErrCode != 0 {
		if f.ErrCode == 40014 || f.ErrCode == 42001 {
			s.mu.Lock()
			delete(s.tokens, r.URL.Query().Get("access_token"))
			if s.current == r.URL.Query().Get("access_token") {
				s.current = ""
			}
			s.mu.Unlock()
		}
		answer(w, errAnswer(f.ErrCode, faultMsg(f.ErrCode)))
		return
	}
	s.serve(w, r, api)
}

// serve answers an API request normally.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, api string) {
	switch api {
	case "gettoken":
		s.getToken(w, r)
	case "message/send":
		s.authed(w, r, s.send)
	case "appchat/send":
		s.authed(w, r, s.appChat)
	case "message/update_template_card":
		s.authed(w, r, s.updateCard)
	case "media/upload":
		s.authed(w, r, s.upload)
	case "auth/getuserinfo":
		s.authed(w, r, s.getUserInfo) // oauth.go
	case "oa/schedule/add":
		s.authed(w, r, s.scheduleAdd)
	case "oa/schedule/update":
		s.authed(w, r, s.scheduleUpdate)
	case "oa/schedule/del":
		s.authed(w, r, s.scheduleDel)
	default:
		http.NotFound(w, r)
	}
}

// recorder keeps a response to send later (a Slow fault).
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }
func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}

// waitOrGone waits d, or until the caller of r goes away (false).
func waitOrGone(r *http.Request, d time.Duration) bool {
	return clock.Sleep(r.Context(), d) == nil
}

func (s *Server) takeFault(api string) (Fault, bool) {
	now := time.Now()
	for i, f := range s.faults {
		if f.API == "" || f.API == api {
			if f.After > 0 {
				s.faults[i].After--
				return Fault{}, false
			}
			if f.For > 0 {
				if f.until.IsZero() {
					s.faults[i].until = now.Add(f.For)
					f = s.faults[i]
				}
				if now.After(f.until) {
					s.faults = append(s.faults[:i], s.faults[i+1:]...)
					return s.takeFault(api)
				}
				return f, true
			}
			f.Times--
			if f.Times == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			} else {
				s.faults[i] = f
			}
			return f, true
		}
	}
	return Fault{}, false
}

func faultMsg(code int) string {
	switch code {
	case -1:
		return "system busy"
	case 40014:
		return "invalid access_token"
	case 42001:
		return "access_token expired"
	case 60020:
		return "not allow to access from your ip"
	}
	return "injected fault"
}

func errAnswer(code int, msg string) map[string]any {
	hint := make([]byte, 4)
	rand.Read(hint)
	return map[string]any{"errcode": code, "errmsg": fmt.Sprintf("%s, hint: [%s], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=%d", msg, hex.EncodeToString(hint), code)}
}

func answer(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	json.NewEncoder(w).Encode(v)
}

func randomID(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Server) getToken(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("corpid") != s.CorpID {
		answer(w, errAnswer(40013, "invalid corpid"))
		return
	}
	if q.Get("corpsecret") != s.Secret {
		answer(w, errAnswer(40001, "invalid credential"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	// WeCom hands out the same token while it is valid.
	if exp, ok := s.tokens[s.current]; !ok || !now.Before(exp) {
		s.current = randomID(32)
		s.tokens[s.current] = now.Add(7200 * time.Second)
	}
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "access_token": s.current,
		"expires_in": int(s.tokens[s.current].Sub(now).Seconds())})
}

// authed checks the access token, then serves with the body read.
func (s *Server) authed(w http.ResponseWriter, r *http.Request, serve func(http.ResponseWriter, *http.Request, []byte)) {
	tok := r.URL.Query().Get("access_token")
	s.mu.Lock()
	exp, ok := s.tokens[tok]
	now := s.now()
	s.mu.Unlock()
	switch {
	case tok == "":
		answer(w, errAnswer(41001, "access_token missing"))
		return
	case !ok:
		answer(w, errAnswer(40014, "invalid access_token"))
		return
	case !now.Before(exp):
		answer(w, errAnswer(42001, "access_token expired"))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 20<<20))
	if err != nil {
		answer(w, errAnswer(-1, "system busy"))
		return
	}
	serve(w, r, body)
}

// sendBody is what message/send and appchat/send accept.
type sendBody struct {
	ToUser            string          `json:"touser"`
	DuplicateCheck    int             `json:"enable_duplicate_check"`
	DuplicateInterval int             `json:"duplicate_check_interval"`
	ChatID            string          `json:"chatid"`
	MsgType           string          `json:"msgtype"`
	AgentID           json.RawMessage `json:"agentid"`
	Text              *struct{ Content string }
	Markdown          *struct{ Content string }
	TextCard          *bot.TextCard     `json:"textcard"`
	Card              *bot.TemplateCard `json:"template_card"`
	Image             *struct {
		MediaID string `json:"media_id"`
	} `json:"image"`
	File *struct {
		MediaID string `json:"media_id"`
	} `json:"file"`
}

// maxContent is where WeCom truncates text and markdown content.
const maxContent = bot.MaxTextBytes

func (s *Server) decode(w http.ResponseWriter, body []byte) (*sendBody, bool) {
	var b sendBody
	if err := json.Unmarshal(body, &b); err != nil {
		answer(w, errAnswer(47001, "data format error"))
		return nil, false
	}
	return &b, true
}

// content checks and returns the message of b, filling m.
func (s *Server) content(w http.ResponseWriter, b *sendBody, m *Message) bool {
	m.MsgType = b.MsgType
	var text *string
	switch b.MsgType {
	case "text":
		if b.Text == nil || b.Text.Content == "" {
			answer(w, errAnswer(41009, "missing content"))
			return false
		}
		text = &b.Text.Content
	case "markdown":
		if b.Markdown == nil || b.Markdown.Content == "" {
			answer(w, errAnswer(41009, "missing content"))
			return false
		}
		text = &b.Markdown.Content
	case "textcard":
		if b.TextCard == nil || b.TextCard.Title == "" {
			answer(w, errAnswer(44004, "textcard title empty"))
			return false
		}
		m.TextCard = b.TextCard
	case "template_card":
		if b.Card == nil || b.Card.CardType == "" {
			answer(w, errAnswer(40035, "invalid template_card"))
			return false
		}
		m.Card = b.Card
	case "image":
		if b.Image == nil {
			answer(w, errAnswer(40007, "invalid media_id"))
			return false
		}
		if _, ok := s.media[b.Image.MediaID]; !ok {
			answer(w, errAnswer(40007, "invalid media_id"))
			return false
		}
		m.MediaID = b.Image.MediaID
	case "file":
		if b.File == nil {
			answer(w, errAnswer(40007, "invalid media_id"))
			return false
		}
		if _, ok := s.media[b.File.MediaID]; !ok {
			answer(w, errAnswer(40007, "invalid media_id"))
			return false
		}
		m.MediaID, m.FileName = b.File.MediaID, s.names[b.File.MediaID]
	default:
		answer(w, errAnswer(40008, "invalid message type"))
		return false
	}
	if text != nil {
		c := *text
		if len(c) > maxContent {
			// WeCom cuts at the byte limit, even inside a character.
			c, m.Truncated = c[:maxContent], true
		}
		m.Content = c
	}
	return true
}

func (s *Server) send(w http.ResponseWriter, r *http.Request, body []byte) {
	b, ok := s.decode(w, body)
	if !ok {
		return
	}
	m := Message{API: "message/send", Raw: body}
	var agent any
	json.Unmarshal(b.AgentID, &agent)
	switch a := agent.(type) {
	case float64:
		m.AgentIDType = "number"
		if int(a) != s.AgentID {
			answer(w, errAnswer(40056, "invalid agentid"))
			return
		}
	case string:
		m.AgentIDType = "string"
		if a != fmt.Sprint(s.AgentID) {
			answer(w, errAnswer(40056, "invalid agentid"))
			return
		}
	default:
		answer(w, errAnswer(41011, "missing agentid"))
		return
	}
	if b.ToUser == "" {
		answer(w, errAnswer(40031, "invalid user list"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.content(w, b, &m) {
		return
	}
	now := s.now()
	m.At = now
	// WeCom's duplicate check: the same request within the interval is
	// accepted and not delivered again.
	digest := ""
	if b.DuplicateCheck == 1 {
		interval := time.Duration(b.DuplicateInterval) * time.Second
		if interval <= 0 {
			interval = 1800 * time.Second
		}
		h := sha256.Sum256(body)
		digest = hex.EncodeToString(h[:])
		if prev, ok := s.checked[digest]; ok && now.Sub(prev.at) < interval {
			s.duplicates++
			answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "invaliduser": "", "msgid": prev.msgID})
			return
		}
	}
	var users []string
	for _, u := range strings.Split(b.ToUser, "|") {
		if s.Users != nil && u != "@all" && !s.Users[u] {
			m.Invalid = append(m.Invalid, u)
			continue
		}
		users = append(users, u)
	}
	if len(users) == 0 {
		answer(w, errAnswer(81013, "user & party & tag all invalid"))
		return
	}
	m.ToUsers = users
	if m.Card != nil && m.Card.TaskID != "" {
		if _, dup := s.tasks[m.Card.TaskID]; dup {
			answer(w, errAnswer(42014, "task_id exist"))
			return
		}
	}
	for _, u := range users {
		if u != "@all" && !s.admit(u, now) {
			m.Dropped = append(m.Dropped, u)
		}
	}
	m.MsgID = randomID(24)
	a := map[string]any{"errcode": 0, "errmsg": "ok", "invaliduser": strings.Join(m.Invalid, "|"), "msgid": m.MsgID}
	if m.AgentIDType == "string" {
		a["errmsg"] = "ok. Warning: wrong json format. "
	}
	if m.Card != nil && interactive(m.Card.CardType) {
		m.ResponseCode = randomID(16)
		s.codes[m.ResponseCode] = &responseCode{users: users, task: m.Card.TaskID, issued: now}
		a["response_code"] = m.ResponseCode
	}
	m = s.record(m)
	if m.Card != nil && m.Card.TaskID != "" {
		s.tasks[m.Card.TaskID] = m.Seq - 1
	}
	if digest != "" {
		s.checked[digest] = checkedSend{at: now, msgID: m.MsgID}
	}
	answer(w, a)
}

func interactive(cardType string) bool {
	return cardType == "button_interaction" || cardType == "vote_interaction" || cardType == "multiple_interaction"
}

// admit applies the per-member limits to one delivery at now.
func (s *Server) admit(user string, now time.Time) bool {
	perMin, perHour := s.PerMinute, s.PerHour
	if perMin == 0 {
		perMin = bot.PerUserPerMinute
	}
	if perHour == 0 {
		perHour = bot.PerUserPerHour
	}
	ts := s.received[user]
	keep := ts[:0]
	for _, t := range ts {
		if now.Sub(t) < time.Hour {
			keep = append(keep, t)
		}
	}
	inMinute := 0
	for _, t := range keep {
		if now.Sub(t) < time.Minute {
			inMinute++
		}
	}
	if inMinute >= perMin || len(keep) >= perHour {
		s.received[user] = keep
		return false
	}
	s.received[user] = append(keep, now)
	return true
}

func (s *Server) appChat(w http.ResponseWriter, r *http.Request, body []byte) {
	b, ok := s.decode(w, body)
	if !ok {
		return
	}
	if b.ChatID == "" {
		answer(w, errAnswer(86003, "chat not exist"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := Message{API: "appchat/send", ChatID: b.ChatID, Raw: body, At: s.now()}
	if !s.content(w, b, &m) {
		return
	}
	if m.MsgType == "textcard" || m.MsgType == "template_card" {
		answer(w, errAnswer(40008, "invalid message type"))
		return
	}
	s.record(m)
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok"})
}

type updateBody struct {
	UserIDs      []string          `json:"userids"`
	AgentID      json.RawMessage   `json:"agentid"`
	ResponseCode string            `json:"response_code"`
	Card         *bot.TemplateCard `json:"template_card"`
	Button       *struct {
		ReplaceName string `json:"replace_name"`
	} `json:"button"`
}

func (s *Server) updateCard(w http.ResponseWriter, r *http.Request, body []byte) {
	var b updateBody
	if err := json.Unmarshal(body, &b); err != nil {
		answer(w, errAnswer(47001, "data format error"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	rc, ok := s.codes[b.ResponseCode]
	switch {
	case !ok:
		answer(w, errAnswer(40035, "invalid response_code"))
		return
	case rc.used:
		answer(w, errAnswer(40035, "response_code has been used"))
		return
	case now.Sub(rc.issued) > bot.ResponseCodeTTL:
		answer(w, errAnswer(40035, "response_code expired"))
		return
	case b.Card == nil && b.Button == nil:
		answer(w, errAnswer(41009, "missing template_card"))
		return
	}
	rc.used = true
	m := Message{API: "message/update_template_card", ToUsers: b.UserIDs, MsgType: "template_card",
		Card: b.Card, Raw: body, At: now}
	if b.Card == nil {
		m.MsgType = "update_button"
		m.Content = b.Button.ReplaceName
	}
	if m.Card != nil && m.Card.TaskID == "" {
		card := *m.Card
		card.TaskID = rc.task
		m.Card = &card
	}
	s.record(m)
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "invaliduser": []string{}})
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, body []byte) {
	kind := r.URL.Query().Get("type")
	if kind != "image" && kind != "voice" && kind != "video" && kind != "file" {
		answer(w, errAnswer(40004, "invalid media type"))
		return
	}
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	if err := r.ParseMultipartForm(20 << 20); err != nil {
		answer(w, errAnswer(41005, "media data missing"))
		return
	}
	f, fh, err := r.FormFile("media")
	if err != nil {
		answer(w, errAnswer(41005, "media data missing"))
		return
	}
	defer f.Close()
	data, _ := io.ReadAll(f)
	if len(data) < 5 {
		answer(w, errAnswer(40005, "invalid file type"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := "3" + randomID(30)
	s.media[id] = data
	s.names[id] = fh.Filename
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "type": kind, "media_id": id,
		"created_at": fmt.Sprint(s.now().Unix())})
}

// Click is a user pressing a button of a card WeCom delivered: it returns
// the template_card_event the app will receive, with a fresh one-time
// response code, or an error if that user never got such a card and key.
func (s *Server) Click(user, taskID, key string) (ClickEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	i, ok := s.tasks[taskID]
	if !ok {
		return ClickEvent{}, fmt.Errorf("no card with task_id %q", taskID)
	}
	m := s.msgs[i]
	if !delivered(m, user) {
		return ClickEvent{}, fmt.Errorf("card %q was not delivered to %s", taskID, user)
	}
	found := false
	for _, b := range m.Card.ButtonList {
		found = found || b.Key == key
	}
	if !found {
		return ClickEvent{}, fmt.Errorf("card %q has no button %q", taskID, key)
	}
	code := randomID(16)
	s.codes[code] = &responseCode{users: []string{user}, task: taskID, issued: s.now()}
	return ClickEvent{From: user, TaskID: taskID, Key: key, CardType: m.Card.CardType, ResponseCode: code}, nil
}

// ClickEvent is what a template_card_event callback carries.
type ClickEvent struct {
	From, TaskID, Key, CardType, ResponseCode string
}
