package handlers

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/people"
	"casebot/config"
)

func TestAdminPeopleEndpoints(t *testing.T) {
	e := newChatEnv(t, func(c *config.Config) { c.Admin.Token = "s3cret" })
	e.put(lawsuit("(2025)黔0115行初101号", "赵一明", "某县市场监督管理局"))
	srv := httptest.NewServer(Admin(Deps{Config: e.cfg, Store: e.st}, AdminOptions{}))
	defer srv.Close()

	do := func(method, path, token, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	// Without the token, or with a wrong one, nothing is served.
	for _, tok := range []string{"", "wrong", "S3CRET"} {
		if code, body := do("GET", "/admin/people", tok, ""); code != http.StatusUnauthorized || !strings.Contains(body, "需要管理令牌") {
			t.Errorf("token %q: %d %s", tok, code, body)
		}
	}
	if code, _ := do("PUT", "/admin/people/x1", "wrong", `{"name":"甲","role":"staff"}`); code != http.StatusUnauthorized {
		t.Errorf("unauthorised PUT: %d", code)
	}

	// Create: the role in Chinese, the agency abbreviated and resolved.
	code, body := do("PUT", "/admin/people/wangwu", "s3cret", `{"name":"王五","role":"负责人","agency":"某县市场监管局","post":"局长"}`)
	if code != http.StatusCreated || !strings.Contains(body, `"created":true`) || !strings.Contains(body, `按台账记为“某县市场监督管理局”`) {
		t.Errorf("create: %d %s", code, body)
	}
	// Replace: 200.
	code, body = do("PUT", "/admin/people/wangwu", "s3cret", `{"name":"王五","role":"head","agency":"某县市场监督管理局","post":"副局长"}`)
	if code != http.StatusOK || !strings.Contains(body, `"created":false`) {
		t.Errorf("replace: %d %s", code, body)
	}
	do("PUT", "/admin/people/chenzb", "s3cret", `{"name":"陈专班","role":"专班"}`)
	// Bad input names the field.
	for _, tt := range []struct{ path, body, want string }{
		{"/admin/people/bad1", `{"name":"甲","role":"科长"}`, "字段 role"},
		{"/admin/people/bad2", `{"name":"甲","role":"负责人"}`, "单位"},
		{"/admin/people/bad3", `{"name":"甲","role":"staff","phone":"1"}`, "请求体应为 JSON"},
		{"/admin/people/张三", `{"name":"甲","role":"staff"}`, "格式不对"},
		{"/admin/people/bad4", `{"userid":"other","name":"甲","role":"staff"}`, "不一致"},
	} {
		if code, body := do("PUT", tt.path, "s3cret", tt.body); code != http.StatusBadRequest || !strings.Contains(body, tt.want) {
			t.Errorf("PUT %s %s: %d %s, want 400 saying %q", tt.path, tt.body, code, body, tt.want)
		}
	}

	// List, filtered by role and by agency written short.
	list := func(query string) []string {
		t.Helper()
		code, body := do("GET", "/admin/people"+query, "s3cret", "")
		if code != http.StatusOK {
			t.Fatalf("list %s: %d %s", query, code, body)
		}
		var out struct {
			People []people.Person `json:"people"`
			Count  int             `json:"count"`
		}
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range out.People {
			ids = append(ids, p.UserID)
		}
		if out.Count != len(ids) {
			t.Errorf("count %d for %d people", out.Count, len(ids))
		}
		return ids
	}
	for q, want := range map[string][]string{
		"":                {"chenzb", "wangwu"},
		"?role=负责人":       {"wangwu"},
		"?role=staff":     {"chenzb"},
		"?agency=某县市场监管局": {"wangwu"},
	} {
		if diff := cmp.Diff(want, list(q)); diff != "" {
			t.Errorf("list %q (-want,+got):\n%s", q, diff)
		}
	}
	code, body = do("GET", "/admin/people/wangwu", "s3cret", "")
	if code != http.StatusOK || !strings.Contains(body, `"post":"副局长"`) || !strings.Contains(body, `"agency":"某县市场监督管理局"`) {
		t.Errorf("get: %d %s", code, body)
	}
	// The person added over HTTP may use the bot at once, within scope.
	mustContain(t, "head's query", e.one("wangwu", "(2025)黔0115行初101号"), "**(2025)黔0115行初101号**", "赵某")

	// Delete: 204, then 404; the person is refused in chat.
	if code, _ := do("DELETE", "/admin/people/wangwu", "s3cret", ""); code != http.StatusNoContent {
		t.Errorf("delete: %d", code)
	}
	if code, body := do("DELETE", "/admin/people/wangwu", "s3cret", ""); code != http.StatusNotFound || !strings.Contains(body, "没有账号 wangwu") {
		t.Errorf("delete again: %d %s", code, body)
	}
	if code, _ := do("GET", "/admin/people/wangwu", "s3cret", ""); code != http.StatusNotFound {
		t.Errorf("get deleted: %d", code)
	}
	mustContain(t, "deleted person", e.one("wangwu", "(2025)黔0115行初101号"), "还没有登记")

	// Every change is audited as admin-http.
	got := auditOf(t, e, "admin-http")
	want := []string{"people/add 1 ", "people/modify 1 ", "people/add 1 ", "people/delete 1 "}
	for i := range got {
		if i < len(want) {
			got[i] = got[i][:len(want[i])]
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit (-want,+got):\n%s", diff)
	}
}

// TestAdminWithoutTokenRefusesEverything: with admin.token unset the admin
// endpoints are closed, not open.
func TestAdminWithoutTokenRefusesEverything(t *testing.T) {
	e := newChatEnv(t, nil)
	h := Admin(Deps{Config: e.cfg, Store: e.st}, AdminOptions{})
	for _, auth := range []string{"", "Bearer ", "Bearer x"} {
		req := httptest.NewRequest("GET", "/admin/people", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, req)
		if rr.Code != http.StatusUnauthorized {
			t.Errorf("auth %q: %d", auth, rr.Code)
		}
	}
}
