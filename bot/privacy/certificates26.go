package privacy

import "strings"

// Round 26 (priv26): a household's certificate whose office writes its
// right and 字 without 证 (东草承字第0302118号 of a grassland contract,
// 某林权字第…号): the serial files one holder's right as 证字 does
// (p25.go), and the same checks keep an agency's own document numbers
// (the right must be named, a notary's year-first number stays). A
// collective land certificate's year may stand before 字 (长集用〔1992〕字
// 第0416号): certRe reads that form.

// certificateAnchors26 end a holder's certificate's abbreviation where 证
// is not written.
var certificateAnchors26 = []string{"承字", "权字"}

// holderCertificateSpans26 returns the serials of such certificates. A
// year in brackets right after 字 is an agency's document number (农权字
// 〔2023〕第105号 of a reply, 府承字〔2024〕…号 of a letter): these
// certificates write the serial at once.
func holderCertificateSpans26(s string) []span {
	var out []span
	for _, a := range certificateAnchors26 {
		for _, sp := range holderCertificateSpansAt(s, a) {
			if gap := s[:sp.start]; strings.HasSuffix(gap, a) || strings.HasSuffix(strings.TrimRight(gap, " "), a) {
				out = append(out, sp)
			}
		}
	}
	return out
}
