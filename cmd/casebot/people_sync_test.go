package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/people"
)

// fakeAddressList answers gettoken and user/list the way WeCom does.
func fakeAddressList(t *testing.T, departments map[string]string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/cgi-bin/gettoken":
			if r.URL.Query().Get("corpsecret") != "sec" {
				w.Write([]byte(`{"errcode":40001,"errmsg":"invalid credential"}`))
				return
			}
			w.Write([]byte(`{"errcode":0,"errmsg":"ok","access_token":"tok","expires_in":7200}`))
		case "/cgi-bin/user/list":
			if r.URL.Query().Get("access_token") != "tok" {
				w.Write([]byte(`{"errcode":40014,"errmsg":"invalid access_token"}`))
				return
			}
			body, ok := departments[r.URL.Query().Get("department_id")]
			if !ok {
				w.Write([]byte(`{"errcode":60123,"errmsg":"invalid party id"}`))
				return
			}
			w.Write([]byte(`{"errcode":0,"errmsg":"ok","userlist":` + body + `}`))
		default:
			t.Errorf("unexpected call %s", r.URL.Path)
			http.NotFound(w, r)
		}
	}))
}

func TestPeopleSync(t *testing.T) {
	e := newCLIEnv(t)
	srv := fakeAddressList(t, map[string]string{
		"12": `[{"userid":"wangwu","name":"王五","department":[12,1],"is_leader_in_dept":[1,0],"position":"局长","status":1},
		        {"userid":"lisi","name":"李四","department":[12],"is_leader_in_dept":[0],"position":"","status":1},
		        {"userid":"gone","name":"已离职","department":[12],"is_leader_in_dept":[0],"status":5}]`,
	})
	defer srv.Close()
	extra := "wecom:\n  corp_id: ww1\n  secret: sec\n  api_base: " + srv.URL + "\npeople:\n  departments: [\"12=某县市场监管局\"]\n"
	if err := appendFile(e.config, extra); err != nil {
		t.Fatal(err)
	}
	if err := e.st.Put(context.Background(), ledgerCase("(2025)黔0115行初1号", "某县市场监督管理局")); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := e.run("people", "sync", "--dry-run")
	if code != 0 || !strings.Contains(out, "将新增 2 人") || len(e.people()) != 0 {
		t.Fatalf("dry run: exit %d, %q %q", code, out, stderr)
	}
	code, out, stderr = e.run("people", "sync")
	if code != 0 || !strings.Contains(out, "共 2 人：新增 2 人") || !strings.Contains(stderr, "按台账记为“某县市场监督管理局”") {
		t.Fatalf("sync: exit %d, %q %q", code, out, stderr)
	}
	want := []people.Person{
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: "某县市场监督管理局"},
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: "某县市场监督管理局", Post: "局长"},
	}
	if diff := cmp.Diff(want, e.people()); diff != "" {
		t.Errorf("directory (-want,+got):\n%s", diff)
	}
	code, out, _ = e.run("people", "sync", "--json")
	var rep struct {
		Unchanged int  `json:"unchanged"`
		Written   bool `json:"written"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Unchanged != 2 || rep.Written {
		t.Errorf("second sync: exit %d, %s", code, out)
	}
}

func TestPeopleSyncNeedsConfiguration(t *testing.T) {
	e := newCLIEnv(t)
	code, _, stderr := e.run("people", "sync")
	if code != 1 || !strings.Contains(stderr, "people.departments (CASEBOT_PEOPLE_DEPARTMENTS)") || !strings.Contains(stderr, "wecom.secret") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	srv := fakeAddressList(t, map[string]string{})
	defer srv.Close()
	if err := appendFile(e.config, "wecom:\n  corp_id: ww1\n  secret: sec\n  api_base: "+srv.URL+"\npeople:\n  departments: [\"77=某县公安局\"]\n"); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = e.run("people", "sync")
	if code != 1 || !strings.Contains(stderr, "部门 77") {
		t.Errorf("unknown department: exit %d, stderr %q", code, stderr)
	}
}

func appendFile(path, s string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(s)
	return err
}
