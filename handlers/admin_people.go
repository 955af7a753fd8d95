package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"casebot/bot/audit"
	"casebot/bot/directory"
	"casebot/bot/people"
	"casebot/bot/store"
)

// adminPeople serves the directory under /admin/people (the caller puts
// it behind the admin bearer token):
//
//	GET    /admin/people[?agency=…&role=…]  {"people":[…],"count":N}
//	GET    /admin/people/{userid}           the entry, or 404
//	PUT    /admin/people/{userid}           add or replace: {"name","role","agency","post"};
//	                                        201 when created, 200 when replaced
//	DELETE /admin/people/{userid}           204, or 404
//
// Roles are accepted in Chinese or English; an agency is recorded under the
// ledger's name for it. Every change is audited as user "admin-http".
func adminPeople(d Deps) http.Handler {
	s := newService(d)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/people", s.httpListPeople)
	mux.HandleFunc("GET /admin/people/{userid}", s.httpGetPerson)
	mux.HandleFunc("PUT /admin/people/{userid}", s.httpPutPerson)
	mux.HandleFunc("DELETE /admin/people/{userid}", s.httpDeletePerson)
	return mux
}

// adminUser is who the audit log names for changes made over HTTP.
const adminUser = "admin-http"

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, map[string]string{"error": fmt.Sprintf(format, args...)})
}

// recordHTTP audits a directory change made over HTTP, with the client
// address it came from.
func (s *service) recordHTTP(r *http.Request, kind string, results int, detail string) error {
	return s.audit.Record(r.Context(), audit.Entry{At: s.st.Now(), User: adminUser, Action: audit.People,
		Kind: kind, Text: r.Method + " " + r.URL.Path, Results: results, Detail: detail + "; client " + adminClient(r)})
}

func (s *service) httpListPeople(w http.ResponseWriter, r *http.Request) {
	all, err := s.st.People(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, "读取人员名单失败")
		return
	}
	var role people.Role
	if v := r.URL.Query().Get("role"); v != "" {
		if role, err = people.ParseRole(v); err != nil {
			writeError(w, http.StatusBadRequest, "参数 role：%s", err.Error())
			return
		}
	}
	agency := r.URL.Query().Get("agency")
	out := []*people.Person{}
	for _, p := range all {
		if role != "" && p.Role != role || agency != "" && !s.scope.Agencies().Same(p.Agency, agency) {
			continue
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UserID < out[j].UserID })
	writeJSON(w, http.StatusOK, map[string]any{"people": out, "count": len(out)})
}

func (s *service) httpGetPerson(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("userid")
	p, err := s.st.LookupPerson(r.Context(), id)
	switch {
	case err != nil:
		writeError(w, http.StatusInternalServerError, "读取人员失败")
	case p == nil:
		writeError(w, http.StatusNotFound, "人员名单中没有账号 %s", id)
	default:
		writeJSON(w, http.StatusOK, p)
	}
}

// personInput is the body of a PUT: the role as text so that 负责人 and
// head are both accepted.
type personInput struct {
	UserID string `json:"userid"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Agency string `json:"agency"`
	Post   string `json:"post"`
}

func (s *service) httpPutPerson(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("userid")
	if !directory.ValidUserID(id) {
		writeError(w, http.StatusBadRequest, "账号“%s”格式不对：企业微信账号只能由字母、数字和 _-@. 组成，以字母或数字开头", id)
		return
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, 64<<10))
	dec.DisallowUnknownFields()
	var in personInput
	if err := dec.Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "请求体应为 JSON：{\"name\":\"王五\",\"role\":\"负责人\",\"agency\":\"某县市场监督管理局\",\"post\":\"副局长\"}（%s）", err.Error())
		return
	}
	if in.UserID != "" && in.UserID != id {
		writeError(w, http.StatusBadRequest, "请求体中的 userid（%s）与路径中的账号（%s）不一致", in.UserID, id)
		return
	}
	p := &people.Person{UserID: id, Name: strings.TrimSpace(in.Name), Post: strings.TrimSpace(in.Post)}
	role, err := people.ParseRole(in.Role)
	if err != nil {
		writeError(w, http.StatusBadRequest, "字段 role：%s", err.Error())
		return
	}
	p.Role = role
	known, err := s.st.Agencies(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, "读取台账单位失败")
		return
	}
	res := directory.Agencies{Names: s.scope.Agencies(), Known: known}
	name, note, err := res.Resolve(in.Agency)
	if err != nil {
		writeError(w, http.StatusBadRequest, "字段 agency：%s", err.Error())
		return
	}
	p.Agency = name
	if err := p.Validate(); err != nil {
		writeError(w, http.StatusBadRequest, "%s", err.Error())
		return
	}
	old, err := s.st.LookupPerson(r.Context(), id)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "读取人员失败")
		return
	}
	if err := s.st.PutPerson(r.Context(), p); err != nil {
		writeError(w, http.StatusInternalServerError, "保存人员失败")
		return
	}
	kind, status, detail := "add", http.StatusCreated, personLine(p)
	if old != nil {
		kind, status, detail = "modify", http.StatusOK, personLine(old)+" → "+personLine(p)
	}
	if err := s.recordHTTP(r, kind, 1, detail); err != nil {
		writeError(w, http.StatusInternalServerError, "已保存，但写入审计日志失败")
		return
	}
	out := map[string]any{"person": p, "created": old == nil}
	if note != "" {
		out["note"] = note
	}
	writeJSON(w, status, out)
}

func (s *service) httpDeletePerson(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("userid")
	old, err := s.st.LookupPerson(r.Context(), id)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "读取人员失败")
		return
	}
	err = s.st.DeletePerson(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && old == nil) {
		writeError(w, http.StatusNotFound, "人员名单中没有账号 %s", id)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "删除人员失败")
		return
	}
	if err := s.recordHTTP(r, "delete", 1, personLine(old)); err != nil {
		writeError(w, http.StatusInternalServerError, "已删除，但写入审计日志失败")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
