// Command chatrun puts a set of chat messages written by people who never
// saw the code through a running `casebot demo`, the way a user on a phone
// would, and writes down every reply, so that the set can be graded by hand
// against the demo's ledger. It is how fresh held-out sets are scored: the
// corpus test checks what the project wrote, this checks what it did not.
//
//	go build -o /tmp/casebot ./cmd/casebot
//	go run ./tools/chatrun -bin /tmp/casebot -set set.tsv -out replies.tsv
//
// The set is a TSV with a header: id, user (a demo user id), message.
// A message "[进入应用]" opens the app (the enter_agent event), and
// "[点击:文字]" taps the button with that text on the last card the user got.
// Rows of one user run in order, so a user's rows form one conversation.
// The output has id, user, message and replies (joined with ⏎, cards
// rendered as text). -users and -pushes write the directory and what the
// demo sent by itself before the first message (the start-up cards), which
// the writers of a set read.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"
)

type message struct {
	Seq      int    `json:"seq"`
	API      string `json:"api"`
	MsgType  string `json:"msgtype"`
	Content  string `json:"content"`
	FileName string `json:"file_name"`
	TextCard *struct {
		Title       string `json:"title"`
		Description string `json:"description"`
	} `json:"textcard"`
	Card *struct {
		MainTitle struct {
			Title string `json:"title"`
			Desc  string `json:"desc"`
		} `json:"main_title"`
		SubTitleText string `json:"sub_title_text"`
		Fields       []struct {
			KeyName string `json:"keyname"`
			Value   string `json:"value"`
		} `json:"horizontal_content_list"`
		TaskID  string `json:"task_id"`
		Buttons []struct {
			Text string `json:"text"`
			Key  string `json:"key"`
		} `json:"button_list"`
		ReplaceText string `json:"replace_text"`
	} `json:"template_card"`
}

// render is a message as a grader reads it.
func (m message) render() string {
	switch {
	case m.Card != nil:
		c := m.Card
		var b strings.Builder
		if m.API == "message/update_template_card" {
			b.WriteString("〔卡片更新〕")
		}
		fmt.Fprintf(&b, "【卡片】%s", c.MainTitle.Title)
		if c.MainTitle.Desc != "" {
			fmt.Fprintf(&b, "（%s）", c.MainTitle.Desc)
		}
		if c.SubTitleText != "" {
			b.WriteString(" " + c.SubTitleText)
		}
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "；%s：%s", f.KeyName, f.Value)
		}
		for _, btn := range c.Buttons {
			fmt.Fprintf(&b, " [按钮:%s]", btn.Text)
		}
		if c.ReplaceText != "" {
			fmt.Fprintf(&b, " 〔%s〕", c.ReplaceText)
		}
		return b.String()
	case m.TextCard != nil:
		return "【卡片】" + m.TextCard.Title + " " + m.TextCard.Description
	case m.MsgType == "file":
		return "【文件】" + m.FileName
	case m.MsgType == "image":
		return "【图片】"
	}
	return m.Content
}

type client struct {
	base string
	hc   *http.Client
}

func (c client) post(path string, body any) error {
	b, _ := json.Marshal(body)
	resp, err := c.hc.Post(c.base+path, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		json.NewDecoder(resp.Body).Decode(&e)
		return fmt.Errorf("%s: %d %s", path, resp.StatusCode, e.Error)
	}
	return nil
}

func (c client) messages(user string, after int, wait bool) ([]message, error) {
	q := url.Values{"user": {user}, "after": {fmt.Sprint(after)}}
	if wait {
		q.Set("wait", "1")
	}
	resp, err := c.hc.Get(c.base + "/demo/api/messages?" + q.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct{ Messages []message }
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Messages, err
}

// collect gathers what reaches user after seq until quiet passes with
// nothing new (and at least once after the message was sent).
func (c client) collect(user string, after int, quiet time.Duration) ([]message, int, error) {
	var got []message
	deadline := time.Now().Add(quiet)
	for time.Now().Before(deadline) {
		ms, err := c.messages(user, after, false)
		if err != nil {
			return got, after, err
		}
		if len(ms) > 0 {
			got = append(got, ms...)
			after = ms[len(ms)-1].Seq
			deadline = time.Now().Add(quiet)
			continue
		}
		time.Sleep(100 * time.Millisecond)
	}
	return got, after, nil
}

func main() {
	bin := flag.String("bin", "casebot", "the casebot binary")
	set := flag.String("set", "", "the set to run (TSV: id, user, message)")
	out := flag.String("out", "replies.tsv", "where the replies go")
	at := flag.String("at", "2026-12-04 15:30", "the demo's start instant (casebot demo --at)")
	quiet := flag.Duration("quiet", 3*time.Second, "a reply is complete after this long with nothing new")
	users := flag.String("users", "", "also write the demo's directory here")
	pushes := flag.String("pushes", "", "also write what the demo sent by itself at start-up here")
	first := flag.Duration("first", 20*time.Second, "how long to let start-up pushes arrive")
	flag.Parse()
	if err := run(*bin, *set, *out, *at, *quiet, *users, *pushes, *first); err != nil {
		fmt.Fprintln(os.Stderr, "chatrun:", err)
		os.Exit(1)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func run(bin, set, out, at string, quiet time.Duration, usersOut, pushesOut string, first time.Duration) error {
	rows, err := readSet(set)
	if err != nil && set != "" {
		return err
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "demo", "--at", at)
	cmd.Env = append(os.Environ(), fmt.Sprintf("CASEBOT_HTTP_ADDR=127.0.0.1:%d", port))
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Process.Kill()
	c := client{base: fmt.Sprintf("http://127.0.0.1:%d", port), hc: &http.Client{Timeout: 30 * time.Second}}
	var dir struct {
		Users []struct{ ID, Name, Role, Agency, Post string }
	}
	for start := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		resp, err := c.hc.Get(c.base + "/demo/api/users")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&dir)
			resp.Body.Close()
			if err == nil {
				break
			}
		}
		if time.Since(start) > time.Minute {
			return fmt.Errorf("the demo did not come up: %v\n%s", err, logs.String())
		}
	}
	if usersOut != "" {
		var b strings.Builder
		b.WriteString("id\tname\trole\tagency\tpost\n")
		for _, u := range dir.Users {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", u.ID, u.Name, u.Role, u.Agency, u.Post)
		}
		if err := os.WriteFile(usersOut, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	// Start-up pushes (reminders due at --at, the bulletin on the 1st) are
	// let in before the first message, so replies are not mixed with them.
	time.Sleep(first)
	seen := map[string]int{}
	// The cards with buttons each user got, start-up pushes included: what
	// "[点击:文字]" taps (the newest card with that button).
	cards := map[string][]message{}
	var startup strings.Builder
	startup.WriteString("user\tmessage\n")
	for _, u := range dir.Users {
		ms, last, err := c.collect(u.ID, 0, 200*time.Millisecond)
		if err != nil {
			return err
		}
		seen[u.ID] = last
		for _, m := range ms {
			if m.Card != nil && len(m.Card.Buttons) > 0 {
				cards[u.ID] = append(cards[u.ID], m)
			}
			fmt.Fprintf(&startup, "%s\t%s\n", u.ID, oneLine(m.render()))
		}
	}
	if pushesOut != "" {
		if err := os.WriteFile(pushesOut, []byte(startup.String()), 0o644); err != nil {
			return err
		}
	}
	if set == "" {
		return nil
	}
	var b strings.Builder
	b.WriteString("id\tuser\tmessage\treplies\n")
	for i, r := range rows {
		var err error
		switch {
		case r.text == "[进入应用]":
			err = c.post("/demo/api/enter", map[string]string{"user": r.user})
		case strings.HasPrefix(r.text, "[点击:") && strings.HasSuffix(r.text, "]"):
			want := strings.TrimSuffix(strings.TrimPrefix(r.text, "[点击:"), "]")
			err = errors.New("没有带“" + want + "”按钮的卡片")
		tap:
			for i := len(cards[r.user]) - 1; i >= 0; i-- {
				m := cards[r.user][i]
				for _, btn := range m.Card.Buttons {
					if btn.Text == want || strings.Contains(btn.Text, want) {
						err = c.post("/demo/api/click", map[string]string{"user": r.user, "task_id": m.Card.TaskID, "key": btn.Key})
						break tap
					}
				}
			}
		default:
			err = c.post("/demo/api/send", map[string]string{"user": r.user, "text": r.text})
		}
		var replies []string
		if err != nil {
			replies = append(replies, "〔发送失败："+err.Error()+"〕")
		} else {
			ms, last, err := c.collect(r.user, seen[r.user], quiet)
			if err != nil {
				return err
			}
			seen[r.user] = last
			for _, m := range ms {
				if m.Card != nil && len(m.Card.Buttons) > 0 {
					cards[r.user] = append(cards[r.user], m)
				}
				replies = append(replies, oneLine(m.render()))
			}
			if len(replies) == 0 {
				replies = append(replies, "〔无回复〕")
			}
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", r.id, r.user, oneLine(r.text), strings.Join(replies, " ⏎ "))
		fmt.Fprintf(os.Stderr, "\r%d/%d", i+1, len(rows))
	}
	fmt.Fprintln(os.Stderr)
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

type row struct{ id, user, text string }

func readSet(path string) ([]row, error) {
	if path == "" {
		return nil, errors.New("no set")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 0; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if n == 0 && len(cols) > 0 && cols[0] == "id" {
			continue
		}
		if len(cols) < 3 || strings.TrimSpace(cols[2]) == "" {
			continue
		}
		rows = append(rows, row{cols[0], cols[1], strings.TrimSpace(cols[2])})
	}
	return rows, sc.Err()
}

func oneLine(s string) string {
	return strings.NewReplacer("\r", "", "\n", "⏎", "\t", " ").Replace(s)
}
