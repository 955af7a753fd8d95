package directory

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"casebot/bot/people"
)

// TestReadGBKCSV: Excel on Chinese Windows saves CSV as GBK; header
// aliases (帐号, 所属单位, 职位) are accepted.
func TestReadGBKCSV(t *testing.T) {
	src := "帐号,名字,身份,所属单位,职位,备注\r\nwangwu,王五,单位负责人,某县公安局,副局长,新任\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(bytes.NewReader(gbk), "名单.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 0 || len(f.Rows) != 1 || f.Count != 1 {
		t.Fatalf("file = %+v", f)
	}
	want := people.Person{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: "某县公安局", Post: "副局长"}
	if f.Rows[0].Person != want || f.Rows[0].Line != 2 {
		t.Errorf("row = %+v, want %+v on line 2", f.Rows[0], want)
	}
}
