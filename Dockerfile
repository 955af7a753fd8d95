# syntax=docker/dockerfile:1
# Build: a static binary with the time zone database embedded (time/tzdata).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -tags timetzdata -o /out/casebot ./cmd/casebot

# Run: nothing but the binary and CA certificates, as a non-root user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/casebot /casebot
USER nonroot:nonroot
# Configure with CASEBOT_* environment variables (see README.md), e.g.
# CASEBOT_HTTP_ADDR=0.0.0.0:8080 CASEBOT_REDIS_ADDR=redis:6379 CASEBOT_WECOM_SECRET=...
ENV CASEBOT_HTTP_ADDR=0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["/casebot"]
CMD ["serve"]
