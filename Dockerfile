# Kiruna vision bot. Not built in this project's CI (no container engine there): linted with hadolint.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KIRUNA_BOT_DATA_DIR=/data \
    KIRUNA_BOT_HOST=0.0.0.0 \
    KIRUNA_BOT_PORT=8000 \
    OMP_NUM_THREADS=2

WORKDIR /app
RUN groupadd --system --gid 10001 kiruna \
 && useradd --system --uid 10001 --gid kiruna --home-dir /app --shell /usr/sbin/nologin kiruna

COPY pyproject.toml README.md ./
COPY corpus ./corpus
COPY index ./index
COPY bot ./bot
COPY api ./api
# hadolint ignore=DL3013
RUN pip install --no-cache-dir ".[postgres]" \
 && mkdir -p /data \
 && chown kiruna:kiruna /data

USER 10001:10001
# The index is built at image build time so a container starts ready in seconds.
RUN kiruna-bot index build

EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health/ready', timeout=4).status == 200 else 1)"]
CMD ["kiruna-bot", "serve", "--workers", "2"]
