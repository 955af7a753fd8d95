package handlers

import (
	"strings"

	"casebot/bot/intent"
)

// personInFocus reads a directory question that names no one (企业微信是
// 哪个, 他企业微信是多少, 电话呢) as asked of the person the last answer was
// about (周洁, 孙强是谁, 王芳手上的案子): their directory entry, or that the
// directory holds no phone. Without a person in focus, or when the message
// names a case, a person or an agency of its own, ok is false.
func personInFocus(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	if last == nil || last.U.Person == "" || hasRef(u) || hasWho(u) || u.Agency != "" || !intent.AsksDirectory(text) {
		return u, false
	}
	m := intent.Understanding{Kind: intent.People, Person: last.U.Person, PersonRole: last.U.PersonRole,
		Contact: u.Contact || strings.Contains(text, "电话") || strings.Contains(text, "手机"), Filler: u.Filler, FollowUp: true, Anchored: true, Model: u.Model}
	return m, true
}
