package main

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/store"
)

// TestAgencyThreeSpellings: a ledger stored before imports named agencies
// one way holds one agency under three spellings. The people directory
// cannot place its head (the full name matches all three), casebot
// agencies says they are one, merging fixes the cases and the people, the
// spellings are gone from the agency list, and people import then accepts
// the full name. A later file writing a merged spelling is read as the
// agency.
func TestAgencyThreeSpellings(t *testing.T) {
	e := newCLIEnv(t)
	ctx := context.Background()
	full, short, abbr := "某县市场监督管理局", "某县市场监管局", "某县市监局"
	for i, a := range []string{full, full, short, abbr} {
		c := ledgerCase("(2025)黔0115行初"+string(rune('1'+i))+"号", a)
		if i == 3 {
			c.Defendants = append(c.Defendants, "某镇人民政府")
		}
		if err := e.st.Put(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	heads := e.write("people.csv", "账号,姓名,角色,单位\nwangju,王局,负责人,某县市场监督管理局\n")
	if code, _, errOut := e.run("people", "import", heads); code != 1 || !strings.Contains(errOut, "对应多个单位") {
		t.Fatalf("people import before the merge: exit %d %s", code, errOut)
	}
	code, out, errOut := e.run("agencies")
	if code != 0 || !strings.Contains(out, "某县市场监督管理局：2 件") || !strings.Contains(out, "某县市场监管局：1 件") ||
		!strings.Contains(out, "应是同一单位") || !strings.Contains(out, "县市监局（配置的别名）") {
		t.Fatalf("agencies: exit %d\n%s%s", code, out, errOut)
	}
	for _, from := range []string{short, abbr} {
		code, out, errOut := e.run("agencies", "merge", from, full)
		if code != 0 || !strings.Contains(out, "改写案件 1 件") {
			t.Fatalf("merge %s: exit %d %s%s", from, code, out, errOut)
		}
	}
	known, err := e.st.Agencies(ctx)
	if err != nil || !cmp.Equal(known, []string{"某县市场监督管理局", "某镇人民政府"}) {
		t.Errorf("agencies after the merges: %v, %v", known, err)
	}
	c, err := e.st.Get(ctx, "(2025)黔0115行初4号")
	if err != nil || !cmp.Equal(c.Defendants, []string{full, "某镇人民政府"}) {
		t.Errorf("merged case: %v, %v", c, err)
	}
	if n, _, _ := e.st.AgencyNumbers(ctx, full, store.Page{}); n == nil || len(n) != 4 {
		t.Errorf("the agency's index holds %v, want 4 cases", n)
	}
	if code, out, errOut := e.run("people", "import", heads); code != 0 {
		t.Fatalf("people import after the merge: exit %d %s%s", code, out, errOut)
	}
	if p, err := e.st.Person(ctx, "wangju"); err != nil || p.Agency != full {
		t.Errorf("head: %+v, %v", p, err)
	}
	code, out, _ = e.run("agencies")
	if !strings.Contains(out, "某县市场监督管理局：4 件；其他写法：某县市场监管局、某县市监局") || strings.Contains(out, "应是同一单位") {
		t.Errorf("agencies after the merges: exit %d\n%s", code, out)
	}
	// A new file in the old spellings adds to the one agency, and says so.
	file := e.write("new.csv", "案号,被告\n(2025)黔0115行初9号,某县市场监管局，某县人社局\n")
	code, out, errOut = e.run("import", file, "--dry-run")
	if code != 0 || !strings.Contains(errOut, "“某县市场监管局”记为“某县市场监督管理局”") ||
		!strings.Contains(errOut, "台账中新出现 1 个被告单位：某县人社局（第 2 行）") {
		t.Errorf("import dry run: exit %d\n%s%s", code, out, errOut)
	}
	// Imported and undone, the new agency leaves no dead end behind.
	if code, _, errOut := e.run("import", file); code != 0 {
		t.Fatal(errOut)
	}
	if known, _ := e.st.Agencies(ctx); !cmp.Equal(known, []string{"某县人力资源和社会保障局", "某县市场监督管理局", "某镇人民政府"}) && !cmp.Equal(known, []string{"某县人社局", "某县市场监督管理局", "某镇人民政府"}) {
		t.Errorf("agencies after the import: %v", known)
	}
	if code, _, errOut := e.run("import", "--undo"); code != 0 {
		t.Fatal(errOut)
	}
	if known, _ := e.st.Agencies(ctx); !cmp.Equal(known, []string{"某县市场监督管理局", "某镇人民政府"}) {
		t.Errorf("agencies after the undo: %v", known)
	}
}
