package intent

import (
	"testing"
	"time"
)

// BenchmarkUnderstand reads messages of the kinds the callback path sees
// most (a case number, a question about hearings, a stranger's legal
// question), without a lexicon: the cost every message pays, even a
// stranger's (handlers reads a stranger's text for a legal question).
func BenchmarkUnderstand(b *testing.B) {
	now := time.Date(2025, 11, 3, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	msgs := []string{
		"（2025）黔0115行初123号",
		"下周有哪些案子要开庭，负责人需要出庭吗",
		"我家房子被强拆了，补偿款一直没给，我想问问能不能起诉",
	}
	for _, m := range msgs {
		b.Run(string([]rune(m)[:4]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Understand(m, Options{Now: now}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFieldWrite is what reading a free-text write costs every
// message before the understanding step (most are not writes), set against
// BenchmarkUnderstand's figures of the same messages.
func BenchmarkFieldWrite(b *testing.B) {
	now := time.Date(2025, 11, 3, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	msgs := []string{
		"（2025）黔0115行初123号",
		"下周有哪些案子要开庭，负责人需要出庭吗",
		"登记 (2025)黔0115行初121号 出庭人 张明 副局长",
		"复47答复已经交了 帮我登记",
	}
	for _, m := range msgs {
		b.Run(string([]rune(m)[:4]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FieldWrite(m, Options{Now: now})
			}
		})
	}
}
