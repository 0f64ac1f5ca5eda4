from django.urls import path

from orders import metrics_db, views

urlpatterns = [
    path("", views.index, name="index"),
    path("orders", views.orders, name="orders"),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics_view, name="metrics"),
    path("metrics/db", metrics_db.database_cpu_view, name="metrics-db"),
]

handler404 = "orders.views.not_found"
handler500 = "orders.views.server_error"
