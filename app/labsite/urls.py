from django.urls import path

from orders import views

urlpatterns = [
    path("", views.index, name="index"),
    path("orders", views.orders, name="orders"),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics_view, name="metrics"),
]

handler404 = "orders.views.not_found"
handler500 = "orders.views.server_error"
