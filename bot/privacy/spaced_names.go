package privacy

import "strings"

// Names written surname, one space, given name (李 娜娜, 訾 勇, 司马 涛):
// typed so in signature blocks, staff lists and notes, where neither the
// spaced-out reading (each character spaced) nor the unspaced one sees a
// name. Read only where a person stands: at a line's or a clause's start
// (after a gap, 、，：（“), or after a word that introduces a person (a
// title, an office, a kinship), and closed by what no name continues
// with: no character, or the start of what a person does (陈述, 到, 出庭).

// spacedNameTitles end the words after which a spaced name is a person.
var spacedNameTitles = []string{"审判长", "审判员", "陪审员", "书记员", "法官助理", "助理", "民警", "警官", "辅警", "工作人员", "执法人员",
	"人员", "会计", "出纳", "局长", "县长", "镇长", "乡长", "主任", "书记", "科长", "股长", "所长", "队长", "站长", "主席", "部长", "厅长",
	"顾问", "律师", "代理人", "联系人", "承办人", "经办人", "负责人", "通讯员", "编辑", "审核", "记者", "母亲", "父亲", "之子", "之女",
	"之妻", "之夫", "儿子", "女儿", "妻子", "丈夫", "邻居", "证人", "村民", "员工", "职工", "同事"}

// spacedNameNext open what follows a person's name in a sentence.
var spacedNameNext = []string{"陈述", "称", "到", "将", "于", "也", "出", "组织", "等", "和", "与", "在", "作", "介绍", "负责", "参与",
	"协助", "签", "表示", "说", "当", "向", "对", "从", "拒", "未", "已", "同", "系", "是", "为", "的", "因", "经", "带", "主持", "接", "提"}

// spacedNames registers the names of that shape.
func (d *detector) spacedNames() {
	t := d.t
	if !strings.Contains(t.s, " ") {
		return
	}
	for k := 0; k+2 < t.n(); k++ {
		sl := 1
		if compoundSet[t.str(k, min(k+2, t.n()))] {
			sl = 2
		} else if !surnameSet.has(t.rs[k]) {
			continue
		}
		sp := k + sl
		if sp+1 >= t.n() || t.rs[sp] != ' ' || !t.han(sp+1) {
			continue
		}
		if !spacedNameBefore(t, k) {
			continue
		}
		g := sp + 1
		n := 0
		for _, l := range []int{2, 1} {
			e := g + l
			if e > t.n() || !t.han(e-1) || l == 2 && !t.han(g+1) {
				continue
			}
			if e == t.n() || !t.han(e) || startsAny(t.rest(e), spacedNameNext) {
				n = l
				break
			}
		}
		if n == 0 {
			continue
		}
		run := make([]int, 0, 4)
		for i := k; i < sp; i++ {
			run = append(run, i)
		}
		for i := g; i < g+n; i++ {
			run = append(run, i)
		}
		d.signRun(run)
		k = g + n - 1
	}
}

// spacedNameBefore reports whether a person may start at k: nothing or a
// clause's mark before it, or a word that introduces a person.
func spacedNameBefore(t *text, k int) bool {
	if k == 0 || !t.han(k-1) {
		return true
	}
	before := t.s[:t.off[k]]
	for _, w := range spacedNameTitles {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

func startsAny(s string, ps []string) bool {
	_, ok := hasPrefixAny(s, ps)
	return ok
}
