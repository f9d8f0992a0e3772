// Plain http is allowed only for an issuer on this machine (local development and tests).
export const isLoopback = (url: URL) => url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
