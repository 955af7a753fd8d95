package handlers

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// Admin serves /admin/... behind the bearer token admin.token.
//
// This is the minimal version the directory endpoints need; the admin
// area's own Admin replaces it when merged, keeping the adminPeople mount.
func Admin(d Deps) http.Handler {
	mux := http.NewServeMux()
	people := adminPeople(d)
	mux.Handle("/admin/people", people)
	mux.Handle("/admin/people/", people)
	return bearer(d.Config.Admin.Token, mux)
}

// bearer lets through requests carrying "Authorization: Bearer <token>".
// With no token configured every request is refused.
func bearer(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if token == "" || !ok || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="casebot admin"`)
			writeError(w, http.StatusUnauthorized, "需要管理令牌：请求头 Authorization: Bearer <admin.token>")
			return
		}
		next.ServeHTTP(w, r)
	})
}
