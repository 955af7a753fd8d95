package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"casebot/bot/people"
	"casebot/config"
)

// startTestDemo runs the demo on a free loopback port with in-process Redis.
func startTestDemo(t *testing.T) *demoServer {
	t.Helper()
	cfg := config.MustDefault()
	cfg.HTTP.Addr = "127.0.0.1:0"
	ctx, cancel := context.WithCancel(context.Background())
	d, err := startDemo(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); d.wait(context.Background()) })
	return d
}

// TestDemoSandboxInBrowser opens the sandbox page in headless Chromium,
// picks a user, sends a 案号 and waits for the case card to appear: the
// text goes page → /demo/api/send → encrypted, signed callback →
// /wecom/callback → inbox → handler → sender → fake WeCom → page.
func TestDemoSandboxInBrowser(t *testing.T) {
	if chromiumPath() == "" {
		t.Skip("no Chromium installed (looked for /usr/bin/chromium, chromium, chromium-browser); skipping the browser test")
	}
	d := startTestDemo(t)
	ctx := context.Background()
	// A tester of our own, so the test does not depend on who the sample
	// directory holds.
	if err := d.app.store.PutPerson(ctx, &people.Person{UserID: "sandbox-tester", Name: "测试员", Role: people.Admin}); err != nil {
		t.Fatal(err)
	}
	numbers, err := d.app.store.OpenNumbers(ctx)
	if err != nil || len(numbers) == 0 {
		t.Fatalf("open cases in the demo ledger: %v, %v", numbers, err)
	}
	c, err := d.app.store.Get(ctx, numbers[0])
	if err != nil {
		t.Fatal(err)
	}

	b := startBrowser(t, d.URL+"/")
	p := b.page(t, d.URL)
	p.waitTrue(t, "the user picker to list the tester",
		`document.querySelector('#user option[value="sandbox-tester"]') !== null`)
	js := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	ectx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := p.eval(ectx, `(() => {
		const sel = document.getElementById('user');
		sel.value = 'sandbox-tester';
		sel.dispatchEvent(new Event('change'));
		document.getElementById('input').value = `+js(c.Number)+`;
		document.getElementById('send').click();
		return true;
	})()`, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{c.Number, "案由：" + c.Cause}
	cond := make([]string, len(want))
	for i, w := range want {
		cond[i] = `document.getElementById('messages').innerText.includes(` + js(w) + `)`
	}
	p.waitTrue(t, "the case card in the chat", strings.Join(cond, " && "))
	// CASEBOT_SANDBOX_SCREENSHOT=file.png keeps a picture of the page.
	if path := os.Getenv("CASEBOT_SANDBOX_SCREENSHOT"); path != "" {
		png, err := p.screenshot(ectx)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The card arrived through the fake WeCom, as markdown.
	var seen bool
	for _, m := range d.fake.Delivered("sandbox-tester", 0) {
		seen = seen || (m.MsgType == "markdown" && strings.Contains(m.Content, c.Number))
	}
	if !seen {
		t.Errorf("the fake WeCom recorded no markdown card for %s: %+v", c.Number, d.fake.Delivered("sandbox-tester", 0))
	}
}

// TestDemoAt checks --at: read in the configured zone, refused with a
// Chinese message naming the value, and a clock that starts there and
// runs at the real pace.
func TestDemoAt(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	for _, in := range []string{"2026-12-01 08:55", "2026-12-01T08:55", "2026-12-01 08:55:00"} {
		got, err := parseDemoAt(in, loc)
		if err != nil || !got.Equal(time.Date(2026, 12, 1, 8, 55, 0, 0, loc)) {
			t.Errorf("parseDemoAt(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := parseDemoAt("明天早上", loc); err == nil || !strings.Contains(err.Error(), "明天早上") {
		t.Errorf("parseDemoAt(明天早上) = %v, want an error naming it", err)
	}
	real := time.Date(2026, 7, 1, 12, 0, 0, 0, loc)
	now := shiftedClock(time.Date(2026, 12, 1, 8, 55, 0, 0, loc), func() time.Time { return real })
	real = real.Add(90 * time.Second)
	if got := now(); !got.Equal(time.Date(2026, 12, 1, 8, 56, 30, 0, loc)) {
		t.Errorf("shifted clock after 90 s = %v", got)
	}
}
