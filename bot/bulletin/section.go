package bulletin

// AgencyMarkdown is one agency's section of the bulletin, for staff who
// ask for it alone (公安局那段单独发我): the same figures and lost cases a
// head of that agency reads as 本单位情况, under the agency's name.
func (r *Report) AgencyMarkdown(agency string, st Style) []string {
	w := newWriter(r, st)
	h := section{title: "", lines: []string{
		"# " + w.m.Label() + "行政机关败诉案件情况（" + agency + "部分）",
		w.asOf(),
	}}
	own := w.own(agency)
	own.title = agency + "情况"
	return pack(numbered([]section{h, own}), st.maxBytes())
}
