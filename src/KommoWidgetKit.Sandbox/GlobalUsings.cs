// Namespaces nearly every endpoint and store file needs.
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using KommoWidgetKit.Sandbox.Http;
global using KommoWidgetKit.Sandbox.Model;
global using KommoWidgetKit.Sandbox.Storage;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Routing;
