package explain

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"casebot/bot/cases"
)

// agencyPrefixRe is the place a ledger name of an agency starts with
// (某县, 某镇): a draft may also write the name without it (自然资源局).
var agencyPrefixRe = regexp.MustCompile(`^(?:某[县市区镇乡]|[^某]{1,4}[县市区镇乡])`)

// genericAgencyWords are what a name without its place may leave that
// also stands for any such body (县级以上人民政府 in an article): they are
// replaced only as part of the whole name.
var genericAgencyWords = map[string]bool{"人民政府": true, "人民法院": true, "政府": true, "法院": true, "中级人民法院": true}

// replaceAgencies writes phrase (empty: 某行政机关) in place of the names
// of c's agencies in body: the defendants (or the one ed names), and the
// court or 复议机关 when ed asks it. Every name is found first and then
// replaced where it stood, longest first, so that a phrase holding a name
// (某执法部门) or a name holding another is not replaced twice; the
// persons' masked names are not touched.
func replaceAgencies(c *cases.Case, body string, ed Edit, phrase string) (string, *OfflineResult) {
	res := &OfflineResult{}
	if phrase == "" {
		phrase = defaultAgencyPhrase
	}
	var names []string
	for _, d := range c.Defendants {
		if ed.Agency == "" || strings.Contains(d, ed.Agency) {
			names = append(names, d)
		}
	}
	if ed.Agency != "" && len(names) == 0 && strings.Contains(body, ed.Agency) {
		names = append(names, ed.Agency) // 把资源局换成…: the words as the draft has them
	}
	courtPhrase := ""
	if ed.Court && c.Court != "" {
		courtPhrase = "某人民法院"
		if c.Kind == cases.Reconsideration {
			courtPhrase = "复议机关"
		}
	}
	type form struct{ text, for_, by string }
	var forms []form
	add := func(name, by string) {
		forms = append(forms, form{name, name, by})
		if short := agencyPrefixRe.ReplaceAllString(name, ""); short != name && utf8.RuneCountInString(short) >= 3 && !genericAgencyWords[short] {
			forms = append(forms, form{short, name, by})
		}
	}
	for _, n := range names {
		add(n, phrase)
	}
	if courtPhrase != "" {
		add(c.Court, courtPhrase)
	}
	if len(forms) == 0 {
		res.Done = "未找到要隐去的单位：草稿中找不到“" + ed.Agency + "”"
		res.Left = "本案的行政机关是" + strings.Join(c.Defendants, "、") + "，可以说“别写局名”隐去全部行政机关名称。"
		return body, res
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	alts := make([]string, len(forms))
	by := map[string]form{}
	for i, f := range forms {
		alts[i] = regexp.QuoteMeta(f.text)
		by[f.text] = f
	}
	count := map[string]int{}
	out := regexp.MustCompile(strings.Join(alts, "|")).ReplaceAllStringFunc(body, func(m string) string {
		count[by[m].for_]++
		return by[m].by
	})
	var done, absent, parts []string
	for _, n := range names {
		if count[n] > 0 {
			done = append(done, fmt.Sprintf("“%s”（%d 处）", n, count[n]))
		} else {
			absent = append(absent, n)
		}
	}
	if len(done) > 0 {
		parts = append(parts, "已将"+strings.Join(done, "、")+"写作“"+phrase+"”")
	}
	if courtPhrase != "" {
		if count[c.Court] > 0 {
			parts = append(parts, fmt.Sprintf("已将“%s”（%d 处）写作“%s”", c.Court, count[c.Court], courtPhrase))
		} else {
			absent = append(absent, c.Court)
		}
	}
	if len(parts) == 0 {
		res.Done = "草稿中已不含" + strings.Join(absent, "、") + "的名称（已隐去或原文未写），无需修改"
		return body, res
	}
	res.Done = strings.Join(parts, "，")
	var left []string
	if len(names) > 1 && ed.Agency == "" {
		left = append(left, fmt.Sprintf("本案有 %d 个行政机关，都写作“%s”，前后文是否能分清，请审核人员核对", len(names), phrase))
	}
	if !ed.Court && c.Court != "" && strings.Contains(out, c.Court) {
		what := "承办法院"
		if c.Kind == cases.Reconsideration {
			what = "复议机关"
		}
		left = append(left, fmt.Sprintf("%s“%s”未改动，如也要隐去，请说“法院名称也隐去”", what, c.Court))
	}
	left = append(left, "“该局”“行政机关”等代称未改动")
	res.Left = strings.Join(left, "；") + "。"
	return out, res
}
