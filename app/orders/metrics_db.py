from django.http import HttpResponse
from django.views.decorators.http import require_GET

from . import metrics


@require_GET
def database_cpu_view(request):
    body, content_type = metrics.render_database_cpu()
    return HttpResponse(body, content_type=content_type)
