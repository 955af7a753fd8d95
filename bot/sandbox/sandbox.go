// Package sandbox is the demo's chat page: pick a person from the
// directory, talk to the bot as them, and see everything the fake WeCom
// recorded for them (replies, reminders, bulletins, images), with markdown
// rendered and card buttons clickable.
//
// The page never talks to the bot directly. What the user types is posted
// here in plain text, encrypted and signed by wecomtest.Client exactly as
// WeCom does, and posted to the app's real /wecom/callback; a button click
// becomes the template_card_event WeCom would send, with a fresh response
// code from the fake. So the demo exercises the production path end to end.
//
// The app's own page (/app/: 台账 and 判决书 uploads) opens from here too,
// through the fake's 网页授权: choosing a person signs them in on the fake
// WeCom, whose authorize page then issues codes for them.
package sandbox

import (
	"context"
	"embed"
	"encoding/json"
	"io/fs"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"casebot/bot/people"
	"casebot/bot/wecomtest"
)

//go:embed page
var page embed.FS

// Sandbox serves the page at / and its API under /demo/api/.
type Sandbox struct {
	// Fake is the fake WeCom the app sends through.
	Fake *wecomtest.Server
	// Client posts callbacks to the app's /wecom/callback.
	Client *wecomtest.Client
	// People lists the directory, for the person picker.
	People func(ctx context.Context) ([]*people.Person, error)
	// Wait bounds one long poll of /demo/api/messages. If zero, 20s.
	Wait time.Duration
}

// Register mounts the page and its API on mux.
func (s *Sandbox) Register(mux *http.ServeMux) {
	sub, _ := fs.Sub(page, "page")
	mux.Handle("GET /{$}", http.FileServerFS(sub))
	mux.Handle("GET /sandbox.js", http.FileServerFS(sub))
	mux.Handle("GET /sandbox.css", http.FileServerFS(sub))
	mux.HandleFunc("GET /demo/api/users", s.users)
	mux.HandleFunc("POST /demo/api/send", s.send)
	mux.HandleFunc("POST /demo/api/enter", s.enter)
	mux.HandleFunc("POST /demo/api/click", s.click)
	mux.HandleFunc("POST /demo/api/signin", s.signIn)
	mux.HandleFunc("GET /demo/api/messages", s.messages)
	mux.HandleFunc("GET /demo/api/media/{id}", s.media)
}

type user struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Agency string `json:"agency,omitempty"`
	Post   string `json:"post,omitempty"`
}

func (s *Sandbox) users(w http.ResponseWriter, r *http.Request) {
	ps, err := s.People(r.Context())
	if err != nil {
		fail(w, http.StatusServiceUnavailable, "暂时无法读取通讯录，请稍后刷新页面。")
		return
	}
	out := make([]user, 0, len(ps))
	for _, p := range ps {
		out = append(out, user{ID: p.UserID, Name: p.Name, Role: p.Role.Label(), Agency: p.Agency, Post: p.Post})
	}
	writeJSON(w, http.StatusOK, map[string]any{"users": out})
}

type sendRequest struct {
	User   string `json:"user"`
	Text   string `json:"text"`
	TaskID string `json:"task_id"`
	Key    string `json:"key"`
}

func decode(w http.ResponseWriter, r *http.Request) (sendRequest, bool) {
	var req sendRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10)).Decode(&req); err != nil || req.User == "" {
		fail(w, http.StatusBadRequest, "请求格式不正确：需要选择一位用户。")
		return req, false
	}
	return req, true
}

// deliver posts a callback as WeCom would and reports the app's answer.
func (s *Sandbox) deliver(w http.ResponseWriter, r *http.Request, plain []byte) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	status, err := s.Client.Deliver(ctx, plain)
	if err != nil || status != http.StatusOK {
		fail(w, http.StatusBadGateway, "消息未能送达机器人（回调应答 "+strconv.Itoa(status)+"），请稍后再试。")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": status})
}

func (s *Sandbox) send(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(w, r)
	if !ok {
		return
	}
	if strings.TrimSpace(req.Text) == "" {
		fail(w, http.StatusBadRequest, "请输入要发送的内容。")
		return
	}
	s.deliver(w, r, s.Client.Text(req.User, req.Text))
}

func (s *Sandbox) enter(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(w, r)
	if !ok {
		return
	}
	s.deliver(w, r, s.Client.Event(req.User, "enter_agent", ""))
}

// signIn makes the chosen person the one the fake WeCom's authorize page
// signs in, as if their WeCom client opened the app's page.
func (s *Sandbox) signIn(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(w, r)
	if !ok {
		return
	}
	s.Fake.SignIn(req.User)
	writeJSON(w, http.StatusOK, map[string]any{"user": req.User})
}

func (s *Sandbox) click(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(w, r)
	if !ok {
		return
	}
	ev, err := s.Fake.Click(req.User, req.TaskID, req.Key)
	if err != nil {
		fail(w, http.StatusBadRequest, "这个按钮已不可用（卡片不存在或不是发给您的）。")
		return
	}
	s.deliver(w, r, s.Client.CardEvent(ev))
}

// messages answers what reached user after seq "after", waiting up to Wait
// for something new when there is nothing yet (long poll).
func (s *Sandbox) messages(w http.ResponseWriter, r *http.Request) {
	u := r.URL.Query().Get("user")
	after, _ := strconv.Atoi(r.URL.Query().Get("after"))
	wait := s.Wait
	if wait <= 0 {
		wait = 20 * time.Second
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		changed := s.Fake.Changed()
		msgs := s.Fake.Delivered(u, after)
		if len(msgs) > 0 || r.URL.Query().Get("wait") == "" {
			if msgs == nil {
				msgs = []wecomtest.Message{}
			}
			writeJSON(w, http.StatusOK, map[string]any{"messages": msgs})
			return
		}
		select {
		case <-changed:
		case <-timer.C:
			writeJSON(w, http.StatusOK, map[string]any{"messages": []wecomtest.Message{}})
			return
		case <-r.Context().Done():
			return
		}
	}
}

func (s *Sandbox) media(w http.ResponseWriter, r *http.Request) {
	b, ok := s.Fake.Media(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	if name := s.Fake.MediaName(r.PathValue("id")); name != "" && r.URL.Query().Has("download") {
		// A file message: saved under the name it was sent with.
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		w.Header().Set("Content-Type", "application/octet-stream")
	} else {
		w.Header().Set("Content-Type", http.DetectContentType(b))
	}
	w.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
