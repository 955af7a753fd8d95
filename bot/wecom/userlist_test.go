package wecom

import (
	"encoding/json"
	"slices"
	"testing"
)

// WeCom writes invaliduser as "a|b" from message/send and as ["a","b"]
// from message/update_template_card; both decode to the same list, and an
// empty one of either shape to none.
func TestInvalidUserBothShapes(t *testing.T) {
	for _, c := range []struct {
		body string
		want []string
	}{
		{`{"errcode":0,"invaliduser":"zhangsan|lisi","msgid":"m1"}`, []string{"zhangsan", "lisi"}},
		{`{"errcode":0,"invaliduser":["zhangsan","lisi"]}`, []string{"zhangsan", "lisi"}},
		{`{"errcode":0,"invaliduser":""}`, nil},
		{`{"errcode":0,"invaliduser":[]}`, nil},
		{`{"errcode":0}`, nil},
	} {
		var a sendAnswer
		if err := json.Unmarshal([]byte(c.body), &a); err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		if len(a.InvalidUser) != len(c.want) || !slices.Equal([]string(a.InvalidUser), c.want) && len(c.want) > 0 {
			t.Errorf("%s: invaliduser %q, want %q", c.body, a.InvalidUser, c.want)
		}
	}
	var a sendAnswer
	if err := json.Unmarshal([]byte(`{"invaliduser":42}`), &a); err == nil {
		t.Error("a number for invaliduser was accepted")
	}
}
