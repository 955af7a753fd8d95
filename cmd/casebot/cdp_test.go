package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// A minimal Chrome DevTools Protocol client: enough to open a page and
// evaluate JavaScript in it. x/net/websocket is already in the module
// graph; a full CDP library (chromedp) would add a dozen modules for the
// two methods this test needs.

// browser is a headless Chromium started for one test.
type browser struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:port of the DevTools endpoint
}

// chromiumPath returns the installed Chromium, or "" when there is none.
func chromiumPath() string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return ""
}

var devtoolsLine = regexp.MustCompile(`DevTools listening on ws://([^/]+)/`)

// startBrowser starts headless Chromium on url, skipping the test when no
// browser is installed. It is killed when the test ends.
func startBrowser(t *testing.T, url string) *browser {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no Chromium installed (looked for /usr/bin/chromium, chromium, chromium-browser); skipping the browser test")
	}
	// Not t.TempDir: Chromium's helpers may still write the profile for a
	// moment after being killed, which would fail the test's cleanup.
	profile, err := os.MkdirTemp("", "casebot-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-dev-shm-usage", "--remote-allow-origins=*",
		"--remote-debugging-port=0", "--user-data-dir="+profile, url)
	// Its own process group, so that the browser and its helpers are
	// killed together; and killed with this process if it dies first.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := devtoolsLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case hostPort := <-found:
		return &browser{cmd: cmd, base: "http://" + hostPort}
	case <-time.After(60 * time.Second):
		t.Fatal("Chromium did not open its DevTools endpoint within 60s")
	}
	return nil
}

// page connects to the first page target whose URL starts with prefix.
func (b *browser) page(t *testing.T, prefix string) *cdpPage {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var targets []struct {
			Type, URL            string
			WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
		}
		resp, err := http.Get(b.base + "/json/list")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&targets)
			resp.Body.Close()
		}
		for _, tg := range targets {
			if tg.Type == "page" && strings.HasPrefix(tg.URL, prefix) && tg.WebSocketDebuggerURL != "" {
				ws, err := websocket.Dial(tg.WebSocketDebuggerURL, "", "http://127.0.0.1/")
				if err != nil {
					t.Fatalf("connect to the page: %v", err)
				}
				t.Cleanup(func() { ws.Close() })
				return &cdpPage{ws: ws}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no page at %s within 60s (last error: %v)", prefix, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// cdpPage is a DevTools session on one page.
type cdpPage struct {
	ws *websocket.Conn
	id int
}

type cdpReply struct {
	ID     int             `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// eval evaluates a JavaScript expression in the page (awaiting a promise)
// and decodes its value into out.
func (p *cdpPage) eval(ctx context.Context, expr string, out any) error {
	raw, err := p.call(ctx, "Runtime.evaluate", map[string]any{
		"expression": expr, "returnByValue": true, "awaitPromise": true})
	if err != nil {
		return err
	}
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		return fmt.Errorf("javascript: %s %s", e.Text, e.Exception.Description)
	}
	if out == nil || len(res.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(res.Result.Value, out)
}

// screenshot returns a PNG of the page.
func (p *cdpPage) screenshot(ctx context.Context) ([]byte, error) {
	raw, err := p.call(ctx, "Page.captureScreenshot", map[string]any{"format": "png"})
	if err != nil {
		return nil, err
	}
	var res struct {
		Data []byte `json:"data"` // base64 in JSON
	}
	err = json.Unmarshal(raw, &res)
	return res.Data, err
}

// call sends one DevTools command and returns its result.
func (p *cdpPage) call(ctx context.Context, method string, params map[string]any) (json.RawMessage, error) {
	p.id++
	id := p.id
	req := map[string]any{"id": id, "method": method, "params": params}
	if dl, ok := ctx.Deadline(); ok {
		p.ws.SetDeadline(dl)
	}
	if err := websocket.JSON.Send(p.ws, req); err != nil {
		return nil, err
	}
	for {
		var r cdpReply
		if err := websocket.JSON.Receive(p.ws, &r); err != nil {
			return nil, err
		}
		if r.ID != id {
			continue // an event, or a late answer
		}
		if r.Error != nil {
			return nil, errors.New(r.Error.Message)
		}
		return r.Result, nil
	}
}

// waitTrue evaluates expr until it yields true, failing after a generous
// deadline (the machine may be slow and shared).
func (p *cdpPage) waitTrue(t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		var ok bool
		lastErr = p.eval(ctx, expr, &ok)
		cancel()
		if lastErr == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (last error: %v)", what, lastErr)
}
