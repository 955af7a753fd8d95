package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCaseShowsDeadlines: a ledger with the deadline columns imports, and
// `casebot case` shows each deadline with the days left at --now, as text
// and in --json.
func TestCaseShowsDeadlines(t *testing.T) {
	useRedis(t)
	file := "案号,被告,原告,立案日期,收到起诉状副本日期,答辩举证提交日期,结案日期,结案方式,裁判文书送达日期,检察建议收到日期,检察建议发出单位\n" +
		"(2025)黔0115行初201号,某县公安局,张三,2025-09-10,2025-09-20,,,,,,\n" +
		"(2025)黔0115行初202号,某县公安局,李四,2025-06-02,2025-06-05,2025-06-18,2025-11-03,判决撤销,2025-11-10,2025-11-12,某县人民检察院\n"
	if code, _, errOut := runCmd(t, "import", writeFile(t, "d.csv", file)); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	code, out, errOut := runCmd(t, "case", "(2025)黔0115行初201号", "--now", "2025-09-30T09:00:00+08:00")
	if code != 0 || !strings.Contains(out, "收到起诉状副本：2025-09-20\n") ||
		!strings.Contains(out, "答辩举证期限：2025年10月9日（周四，还剩9天；末日逢国庆节、中秋节顺延）\n") {
		t.Errorf("exit %d, %s\n%s", code, errOut, out)
	}
	code, out, _ = runCmd(t, "case", "(2025)黔0115行初202号", "--now", "2025-11-20T09:00:00+08:00")
	for _, want := range []string{"答辩举证期限：2025年6月20日（周五，6月18日已提交）", "上诉期限：2025年11月25日（周二，还剩5天）",
		"检察建议回复期限：2026年1月12日（周一，还剩53天；台账未登记建议书载明的期限，按2个月推算，以建议书为准）", "检察建议：2025-11-12 收到（某县人民检察院）"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("case 202 lacks %q:\n%s", want, out)
		}
	}

	code, out, errOut = runCmd(t, "case", "(2025)黔0115行初202号", "--json", "--now", "2025-11-20T09:00:00+08:00")
	if code != 0 {
		t.Fatalf("--json: %s", errOut)
	}
	var got struct {
		Number    string `json:"number"`
		ServedOn  string `json:"served_on"`
		Deadlines []struct {
			Kind     string `json:"kind"`
			Due      string `json:"due"`
			Open     bool   `json:"open"`
			DaysLeft *int   `json:"days_left"`
			Basis    string `json:"basis"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Number != "(2025)黔0115行初202号" || !strings.HasPrefix(got.ServedOn, "2025-11-10") || len(got.Deadlines) != 3 {
		t.Fatalf("--json: %s", out)
	}
	appeal := got.Deadlines[1]
	if appeal.Kind != "appeal" || appeal.Due != "2025-11-25" || !appeal.Open || appeal.DaysLeft == nil || *appeal.DaysLeft != 5 ||
		appeal.Basis != "《行政诉讼法》第八十五条（判决）" {
		t.Errorf("appeal deadline: %+v", appeal)
	}
	if code, _, errOut := runCmd(t, "case", "(2025)黔0115行初202号", "--now", "明天"); code != 2 || !strings.Contains(errOut, "RFC3339") {
		t.Errorf("bad --now: exit %d, %s", code, errOut)
	}
}
