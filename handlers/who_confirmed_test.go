package handlers

import "testing"

// TestWhoConfirmedAsked: the ways a staff member asks who, over several
// hearings, confirmed; and questions that only hold 确认 in another sense.
func TestWhoConfirmedAsked(t *testing.T) {
	for _, s := range []string{"明天的庭谁确认了", "有没有人确认明天出庭", "下周的庭都有谁确认了", "明天几个庭 哪些领导确认了",
		"明天的庭有人确认没得", "后天的庭确认了几个", "这周开庭哪几位确认了", "明天出庭确认的有谁"} {
		if !whoConfirmedAsked(s) {
			t.Errorf("%q: not read as who confirmed", s)
		}
	}
	for _, s := range []string{"确认违法的有几个", "明天有几个庭", "今年被确认违法的有哪些", "答辩状确认交了没"} {
		if whoConfirmedAsked(s) {
			t.Errorf("%q: read as who confirmed", s)
		}
	}
}
