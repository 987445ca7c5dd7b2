# The app as one replica: `docker build -t canada-abroad .` then `docker run -p 8501:8501 canada-abroad`.
# Several replicas behind HAProxy: deploy/compose.yaml; Kubernetes: deploy/kubernetes.yaml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # Nothing in a container edits the scripts: no file watcher (it costs CPU on every replica).
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    # Set to e.g. canada-abroad to serve the app under /canada-abroad/ (the health check follows it).
    STREAMLIT_SERVER_BASE_URL_PATH=""

WORKDIR /app
# Requirements first: the layer with the dependencies is reused while only the app changes.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Static files prepared now, not at each start: Leaflet and the compact country outlines into static/.
# At start-up the app finds identical files and writes nothing, so the app's files can stay read-only.
RUN python -c "from canada_abroad.assets import install_static_assets; from canada_abroad.geography import load_geography; print(install_static_assets(load_geography()))" \
    && python -m compileall -q canada_abroad ui pages app.py \
    && useradd --system --uid 10001 --create-home --shell /usr/sbin/nologin app

USER app
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; base = os.environ.get('STREAMLIT_SERVER_BASE_URL_PATH', '').strip('/'); urllib.request.urlopen('http://127.0.0.1:8501/' + (base + '/' if base else '') + '_stcore/health', timeout=4)"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
