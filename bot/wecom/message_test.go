package wecom

import (
	"encoding/xml"
	"testing"
	"time"

	"casebot/bot/stream"
)

// flatCases are decrypted payloads: the shapes WeCom writes (accepted by
// the fast path) and shapes it leaves to the decoder.
var flatCases = []struct {
	name, xml string
	flat      bool // read by flatInbound
}{
	{"text", "<xml><ToUserName><![CDATA[ww2c1b7d5e]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1796190000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[（2025）黔0115行初12号下周几开庭？]]></Content><MsgId>7462391185912823808</MsgId><AgentID>1000002</AgentID></xml>", true},
	{"text with newlines between elements", "<xml>\n<ToUserName><![CDATA[ww2c1b7d5e]]></ToUserName>\n<FromUserName><![CDATA[LiSi]]></FromUserName>\n<CreateTime>1796190000</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[我们局还有哪些案子没结]]></Content>\n<MsgId>1234567890123456</MsgId>\n<AgentID>1</AgentID>\n</xml>\n", true},
	{"multi-line content", "<xml><FromUserName><![CDATA[wangwu]]></FromUserName><CreateTime>1796190000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[第一行\n第二行\t制表 <b>&amp; 不是实体</b>]]></Content><MsgId>1</MsgId></xml>", true},
	{"empty content", "<xml><FromUserName><![CDATA[wangwu]]></FromUserName><CreateTime>1796190000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[]]></Content><Content2></Content2><MsgId>1</MsgId></xml>", true},
	{"plain text values", "<xml><FromUserName>zhaoliu</FromUserName><CreateTime>1796190000</CreateTime><MsgType>text</MsgType><Content>a > b，是否超期</Content><MsgId>42</MsgId></xml>", true},
	{"event", "<xml><ToUserName><![CDATA[ww2c1b7d5e]]></ToUserName><FromUserName><![CDATA[sunqi]]></FromUserName><CreateTime>1796190000</CreateTime><MsgType><![CDATA[event]]></MsgType><AgentID>1000002</AgentID><Event><![CDATA[click]]></Event><EventKey><![CDATA[my_cases]]></EventKey></xml>", true},
	{"card event", "<xml><ToUserName><![CDATA[ww]]></ToUserName><FromUserName><![CDATA[zhouba]]></FromUserName><CreateTime>1796190000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[confirm]]></EventKey><TaskId><![CDATA[del-9f2]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-77]]></ResponseCode><AgentID>1000002</AgentID></xml>", true},
	{"unknown flat element", "<xml><FromUserName><![CDATA[a]]></FromUserName><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl><MsgType>image</MsgType><CreateTime>1</CreateTime></xml>", true},
	{"card event with nested items", "<xml><FromUserName><![CDATA[zhouba]]></FromUserName><CreateTime>1796190000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><SelectedItems><SelectedItem><QuestionKey><![CDATA[q]]></QuestionKey></SelectedItem></SelectedItems><TaskId><![CDATA[t]]></TaskId></xml>", false},
	{"entity", "<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content>A &amp; B</Content><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"carriage return", "<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content><![CDATA[一\r\n二]]></Content><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"split CDATA", "<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content><![CDATA[x]]]]><![CDATA[>y]]></Content><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"declaration", "<?xml version=\"1.0\"?><xml><FromUserName>a</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"comment", "<xml><!-- c --><FromUserName>a</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"attribute", "<xml><FromUserName a=\"1\">a</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"namespace", "<xml><x:FromUserName>a</x:FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"self-closing", "<xml><FromUserName>a</FromUserName><Content/><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"field twice", "<xml><FromUserName>a</FromUserName><FromUserName>b</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"other root", "<message><FromUserName>a</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></message>", false},
	{"text after the root", "<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>junk", false},
	{"mismatched end tag", "<xml><FromUserName>a</FromUser><MsgType>text</MsgType></xml>", false},
	{"unterminated", "<xml><FromUserName><![CDATA[a", false},
	{"control character", "<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content><![CDATA[a\x01b]]></Content><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"invalid UTF-8", "<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content><![CDATA[a\xffb]]></Content><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>", false},
	{"not XML", "hello", false},
}

// TestFlatInboundAgreesWithDecoder: what the fast path reads, it reads as
// xml.Unmarshal does; what it does not, it leaves to xml.Unmarshal, and
// decodeMessage gives the same message or error either way.
func TestFlatInboundAgreesWithDecoder(t *testing.T) {
	for _, tc := range flatCases {
		t.Run(tc.name, func(t *testing.T) {
			var fast inbound
			if got := flatInbound([]byte(tc.xml), &fast); got != tc.flat {
				t.Fatalf("flatInbound = %v, want %v", got, tc.flat)
			}
			if tc.flat {
				var slow inbound
				if err := xml.Unmarshal([]byte(tc.xml), &slow); err != nil {
					t.Fatalf("the decoder refuses what the fast path read: %v", err)
				}
				if fast != slow {
					t.Fatalf("fast path read\n%+v\nthe decoder\n%+v", fast, slow)
				}
			}
		})
	}
}

// FuzzFlatInbound: on any input the fast path accepts, the decoder
// accepts it too and reads the same fields.
func FuzzFlatInbound(f *testing.F) {
	for _, tc := range flatCases {
		f.Add([]byte(tc.xml))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var fast inbound
		if !flatInbound(b, &fast) {
			return
		}
		var slow inbound
		if err := xml.Unmarshal(b, &slow); err != nil {
			t.Fatalf("fast path read %q, the decoder refuses it: %v", b, err)
		}
		if fast != slow {
			t.Fatalf("%q: fast path read %+v, the decoder %+v", b, fast, slow)
		}
	})
}

// BenchmarkDecodeMessage: a WeCom text message, through decodeMessage
// (fast path) and through the XML decoder alone.
func BenchmarkDecodeMessage(b *testing.B) {
	plain := []byte(flatCases[0].xml)
	now := time.Unix(1796190000, 0)
	b.Run("decodeMessage", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeMessage(plain, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xml.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var in inbound
			if err := xml.Unmarshal(plain, &in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestEntryOrder: the order key is read from the entry's "u" field
// without decoding the message; an entry written before that field (a
// rolling upgrade, a redriven old dead letter) is decoded instead.
func TestEntryOrder(t *testing.T) {
	m := `{"id":"msg:1","type":"text","from":"zhangsan","text":"在吗"}`
	for _, tc := range []struct {
		values map[string]any
		want   string
	}{
		{map[string]any{"m": m, "u": "zhangsan"}, "zhangsan"},
		{map[string]any{"m": m}, "zhangsan"},
		{map[string]any{"m": "not json"}, ""},
	} {
		if got := entryOrder(stream.Entry{ID: "1-0", Values: tc.values}); got != tc.want {
			t.Errorf("entryOrder(%v) = %q, want %q", tc.values, got, tc.want)
		}
	}
}
