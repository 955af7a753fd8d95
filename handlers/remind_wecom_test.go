package handlers

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// taskIDPattern is what WeCom takes as a template_card task_id.
var taskIDPattern = regexp.MustCompile(`^[0-9A-Za-z_@-]{1,128}$`)

// TestReminderCardsThroughWeCom runs the card round trip through the real
// sender against the fake WeCom: the sweep's cards reach WeCom with task
// ids it accepts although the case number is Chinese; a click WeCom
// reports comes back through the bot; and the card is updated with
// update_template_card and that click's one-time response code.
func TestReminderCardsThroughWeCom(t *testing.T) {
	fake := wecomtest.New("wwcasebot", "secret", 1000002)
	api := httptest.NewServer(fake)
	t.Cleanup(api.Close)
	e := newRemindEnvWith(t, nil, func(rdb redis.UniversalClient, k keys.Keys) bot.Sender {
		wc := config.WeCom{CorpID: "wwcasebot", AgentID: 1000002, Secret: "secret", APIBase: api.URL}
		return wecom.NewSender(wc, config.MustDefault().Sender, rdb, k,
			wecom.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	})
	e.now = at("2025-09-23 16:00")
	if rep, err := e.svc.Sweep(context.Background(), e.now); err != nil || rep.Sent != 2 {
		t.Fatalf("sweep: %+v, %v; want 2 cards sent", rep, err)
	}
	cards := map[string]*bot.TemplateCard{}
	for _, m := range fake.Messages() {
		if m.Card == nil {
			t.Fatalf("WeCom got a %s, want cards only: %+v", m.MsgType, m)
		}
		cards[m.ToUsers[0]] = m.Card
		if !taskIDPattern.MatchString(m.Card.TaskID) {
			t.Errorf("task_id %q is not [0-9A-Za-z_-@]{1,128}", m.Card.TaskID)
		}
		for _, b := range m.Card.ButtonList {
			if len(b.Key) > 1024 {
				t.Errorf("button key of %d bytes", len(b.Key))
			}
		}
		named := false
		for _, kv := range m.Card.HorizontalContentList {
			named = named || kv.KeyName == "案号" && kv.Value == e.case_.Number
		}
		if !named {
			t.Errorf("card does not name case %s: %+v", e.case_.Number, m.Card.HorizontalContentList)
		}
	}
	card := cards["wangwu"]
	if card == nil || cards["lisi"] == nil || cards["wangwu"].TaskID == cards["lisi"].TaskID {
		t.Fatalf("cards = %v", keysOf(cards))
	}

	// 王五 presses 确认出庭 in WeCom.
	key := ""
	for _, b := range card.ButtonList {
		if b.Text == "确认出庭" {
			key = b.Key
		}
	}
	ev, err := fake.Click("wangwu", card.TaskID, key)
	if err != nil {
		t.Fatal(err)
	}
	e.now = at("2025-09-23 16:20")
	msg := &bot.Message{Type: "event", Event: bot.EventTemplateCard, From: ev.From, EventKey: ev.Key,
		TaskID: ev.TaskID, CardType: ev.CardType, ResponseCode: ev.ResponseCode}
	if err := e.b.Handle(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	var update *wecomtest.Message
	for _, m := range fake.Messages() {
		if m.API == "message/update_template_card" {
			update = &m
		}
	}
	if update == nil {
		t.Fatalf("no update_template_card; WeCom got %+v", fake.Messages())
	}
	if update.Card.TaskID != card.TaskID || !strings.Contains(update.Card.ReplaceText, "已确认出庭（王五，9月23日16:20）") ||
		len(update.ToUsers) != 1 || update.ToUsers[0] != "wangwu" {
		t.Errorf("update = %+v, card %+v", update, update.Card)
	}
	// The response code was that click's: WeCom takes each code once.
	if err := e.b.Sender.UpdateCard(context.Background(), ev.ResponseCode, update.Card, "wangwu"); err == nil {
		t.Error("the click's response code was not used by the update (a second use succeeded)")
	}
}
