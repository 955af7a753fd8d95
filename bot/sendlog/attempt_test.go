package sendlog

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"casebot/bot/keys"
)

// attemptBodies are requests as the sender writes them (json.Marshal):
// plain text, Chinese with HTML-escaped characters and U+2028, a card.
func attemptBodies(t testing.TB) [][]byte {
	var out [][]byte
	for _, v := range []any{
		map[string]any{"touser": "zhangsan", "msgtype": "text", "text": map[string]string{"content": "您好！（2025）黔0115行初85号 已收到。"}},
		map[string]any{"msgtype": "markdown", "markdown": map[string]string{"content": "<b>被告</b> & \"引号\" \\ 反斜杠\u2028换行\n"}},
		map[string]any{"template_card": map[string]any{"card_type": "button_interaction", "task_id": "t-1", "button_list": []any{map[string]string{"text": "已知悉", "key": "ack"}}}},
		[]int{},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func TestAppendAttemptIsJSONMarshal(t *testing.T) {
	ats := []time.Time{
		time.Date(2026, 12, 2, 14, 16, 29, 702052790, time.UTC),
		time.Date(2026, 12, 2, 22, 16, 29, 0, time.FixedZone("CST", 8*3600)),
		time.Now(), // with a monotonic reading
	}
	apis := []string{"message/send", "appchat/send", "message/update_template_card", "a<b>&\"c\"\\路径"}
	bodies := append(attemptBodies(t), nil)
	for _, api := range apis {
		for _, body := range bodies {
			for _, at := range ats {
				for _, check := range []bool{false, true} {
					want, err := json.Marshal(Attempt{API: api, Body: body, At: at, Check: check})
					if err != nil {
						t.Fatal(err)
					}
					if got := appendAttempt(nil, api, body, at, check); !bytes.Equal(got, want) {
						t.Errorf("appendAttempt(%q, %s, %v, %v)\n got %s\nwant %s", api, body, at, check, got, want)
					}
				}
			}
		}
	}
}

// BenchmarkPrepare is the work of saving a reply's attempts before the
// claim's round trip: the checked and unchecked attempt, the fingerprint.
func BenchmarkPrepare(b *testing.B) {
	l := New(nil, keys.New("bench"), Options{})
	body, _ := json.Marshal(map[string]any{"touser": "load-1", "msgtype": "text", "agentid": 1000002,
		"text": map[string]string{"content": strings.Repeat("您好！您的企业微信账号还没有登记在本机器人的人员名单中。", 6)},
		"safe": 0, "enable_duplicate_check": 1, "duplicate_check_interval": 14400})
	off := bytes.Replace(body, []byte(`"enable_duplicate_check":1`), []byte(`"enable_duplicate_check":0`), 1)
	p := Push{NS: "wecom", ID: "reply:msg:1:1"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.prepare(p, 1, Request{API: "message/send", On: body, Off: off}); err != nil {
			b.Fatal(err)
		}
	}
}
