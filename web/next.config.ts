import type { NextConfig } from 'next';

// A static export (out/): the edge serves it at "/" — no Node server in production. Files under /_next/static/ are
// content-hashed and cached for good; the edge adds the hashes of the page's inline scripts to its content policy.
const config: NextConfig = {
  output: 'export',
  trailingSlash: false,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  productionBrowserSourceMaps: false,
  // Development only (`npm run dev`): the API and the socket are the platform's, on :8080.
  async rewrites() {
    return process.env.NODE_ENV === 'development'
      ? [
          { source: '/api/:path*', destination: 'http://127.0.0.1:8080/api/:path*' },
          { source: '/ws', destination: 'http://127.0.0.1:8080/ws' },
        ]
      : [];
  },
};

export default config;
