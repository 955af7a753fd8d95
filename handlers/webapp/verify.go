package webapp

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// DomainVerify serves WeCom's domain-ownership file (app.domain_verify_file)
// at the root of casebot's address, where WeCom looks for it when the
// admin sets the app's 可信域名. It returns the mux pattern and the
// handler, or "" when the key is unset. The file is read once, here: a
// missing one stops the start with the key named.
func DomainVerify(path string) (string, http.Handler, error) {
	if path == "" {
		return "", nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", nil, fmt.Errorf("无法读取 app.domain_verify_file（%s）：%v", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 4<<10))
	if err != nil {
		return "", nil, fmt.Errorf("无法读取 app.domain_verify_file（%s）：%v", path, err)
	}
	return "GET /" + filepath.Base(path), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(b)
	}), nil
}
