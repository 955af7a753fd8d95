package keys

// The app's web page (/app/, handlers/webapp).

// AppUpload holds a file uploaded on the page while it waits for the
// user's confirmation of its preview: a hash with the file ("data"), what
// the preview showed ("meta") and, once confirmed, who took it ("claim")
// and the outcome ("result"). The user is part of the key, so a token
// shown to one user finds nothing for another. It expires after
// app.upload_ttl.
func (k Keys) AppUpload(userID, token string) string {
	return k.p + "app:upload:" + userID + ":" + token
}
